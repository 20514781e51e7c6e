package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences as Hibernate creates them. MariaDB (10.3+) has real ones: {@code create sequence s start with 1
 * increment by 50 nocache}, with {@code minvalue}/{@code maxvalue} when the start lies outside the default range.
 * MySQL has none, and Hibernate's {@code SequenceStyleGenerator} then uses a table named like the sequence with one
 * {@code next_val} column holding the next value: {@code create table s (next_val bigint) engine=InnoDB} and its one
 * row. Its increment is the mapping's allocation size and is not stored.
 *
 * <p>Altering a start never moves a sequence backwards, as on PostgreSQL: MariaDB records the new start and
 * {@code setval} moves the sequence forward to it only if it has not got that far (MariaDB's {@code setval} ignores a
 * value behind the current one); the MySQL table's value is raised the same way.
 */
final class MariaDbSequences {

    private MariaDbSequences() {
    }

    static List<String> create(String name, Sequence s, boolean mysql) {
        if (mysql) {
            return List.of("create table " + name + " (next_val bigint) engine=InnoDB",
                    "insert into " + name + " values ( " + s.start() + " )");
        }
        return List.of("create sequence " + name + bounds(s) + " start with " + s.start() + " increment by "
                + s.increment() + " nocache");
    }

    static List<String> drop(String name, boolean mysql) {
        return List.of((mysql ? "drop table " : "drop sequence ") + name);
    }

    static List<String> alter(String name, Sequence from, Sequence to, boolean mysql) {
        List<String> sql = new ArrayList<>();
        boolean ascendingForward = to.increment() > 0 && to.start() > from.start();
        boolean descendingForward = to.increment() < 0 && to.start() < from.start();
        if (mysql) {
            if (ascendingForward || descendingForward) {
                sql.add("update " + name + " set next_val = " + to.start() + " where next_val "
                        + (ascendingForward ? "<" : ">") + " " + to.start());
            }
            return sql;
        }
        StringBuilder changes = new StringBuilder();
        if (from.start() != to.start()) {
            changes.append(bounds(to)).append(" start with ").append(to.start());
        }
        if (from.increment() != to.increment()) {
            changes.append(" increment by ").append(to.increment());
        }
        if (changes.isEmpty()) {
            return sql;
        }
        sql.add("alter sequence " + name + changes);
        if (ascendingForward || descendingForward) {
            sql.add("select setval(" + name + ", " + to.start() + ", 0)");
        }
        return sql;
    }

    /** Widen MariaDB's default range ({@code 1..} ascending, {@code ..-1} descending) to include the start. */
    private static String bounds(Sequence s) {
        if (s.increment() > 0 && s.start() <= 0) {
            return " minvalue " + s.start();
        }
        if (s.increment() < 0 && s.start() >= 0) {
            return " maxvalue " + s.start();
        }
        return "";
    }
}
