package io.github.entitymigrations.dialect;

import io.github.entitymigrations.schema.Sequence;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequences as Hibernate 6.6 creates them ({@code create sequence s start with 1 increment by 50}, with
 * {@code minvalue}/{@code maxvalue} when the start lies outside PostgreSQL's default range).
 *
 * <p>Altering a start never moves a sequence backwards: {@code alter sequence ... start with N} only
 * changes the recorded start (what {@code restart} would go back to), and a sequence whose last value is
 * still before the new start is then moved forward to it with {@code setval}. A plain {@code restart}
 * would hand out values that rows already hold; a lower start (a downgrade) leaves the current value
 * where it is for the same reason.
 */
final class PostgresSequences {

    private PostgresSequences() {
    }

    static String create(String name, Sequence s) {
        return "create sequence " + name + bounds(s) + " start with " + s.start() + " increment by " + s.increment();
    }

    static String drop(String name) {
        return "drop sequence " + name;
    }

    static List<String> alter(String name, Sequence from, Sequence to) {
        StringBuilder changes = new StringBuilder();
        if (from.start() != to.start()) {
            changes.append(bounds(to)).append(" start with ").append(to.start());
        }
        if (from.increment() != to.increment()) {
            changes.append(" increment by ").append(to.increment());
        }
        List<String> sql = new ArrayList<>();
        if (changes.isEmpty()) {
            return sql;
        }
        sql.add("alter sequence " + name + changes);
        boolean ascendingForward = to.increment() > 0 && to.start() > from.start();
        boolean descendingForward = to.increment() < 0 && to.start() < from.start();
        if (ascendingForward || descendingForward) {
            sql.add("select setval(" + Dialect.literal(name) + ", " + to.start() + ", false) from " + name
                    + " where last_value " + (ascendingForward ? "<" : ">") + " " + to.start());
        }
        return sql;
    }

    /** Hibernate's {@code SequenceSupport.startingValue}: widen the default range to include the start. */
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
