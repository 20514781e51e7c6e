package io.github.entitymigrations.runner;

import io.github.entitymigrations.runner.FailureInjectionTest.State;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database's schema as sorted lines, for comparing a database with itself before and after: {@link
 * TestDatabase#schema()} on PostgreSQL and SQLite; on MariaDB (either driver) read from {@code information_schema}
 * of the current database, every table but the version table (so an undo journal left behind shows), with each
 * column's full type, nullability, default and extra, every index, constraint, check, foreign key and sequence.
 */
final class SchemaLines {

    private SchemaLines() {
    }

    static List<String> of(TestDatabase db) throws SQLException {
        if (!db.kind().isMariaDb()) {
            return db.schema();
        }
        String mine = "table_schema = database() and table_name <> '" + VersionTable.NAME + "'";
        List<String> lines = new ArrayList<>();
        lines.addAll(db.query("select concat('table ', table_name, ' ', table_type) from information_schema.tables "
                + "where " + mine));
        lines.addAll(db.query("select concat('column ', table_name, '.', column_name, ' ', column_type, ' ', "
                + "is_nullable, ' default ', coalesce(column_default, '-'), ' ', extra) from information_schema.columns "
                + "where " + mine));
        lines.addAll(db.query("select concat('index ', table_name, ' ', index_name, ' ', non_unique, ' ', "
                + "group_concat(column_name order by seq_in_index)) from information_schema.statistics where " + mine
                + " group by table_name, index_name, non_unique"));
        lines.addAll(db.query("select concat('constraint ', table_name, ' ', constraint_name, ' ', constraint_type) "
                + "from information_schema.table_constraints where constraint_schema = database() and table_name <> '"
                + VersionTable.NAME + "'"));
        lines.addAll(db.query("select concat('check ', table_name, ' ', constraint_name, ' ', check_clause) from "
                + "information_schema.check_constraints where constraint_schema = database()"));
        lines.addAll(db.query("select concat('foreign key ', table_name, ' ', constraint_name, ' -> ', "
                + "referenced_table_name, ' on delete ', delete_rule) from information_schema.referential_constraints "
                + "where constraint_schema = database()"));
        for (String sequence : db.query("select table_name from information_schema.tables where " + mine
                + " and table_type = 'SEQUENCE'")) {
            lines.addAll(db.query("select concat('sequence " + sequence + " start ', start_value, ' increment ', "
                    + "increment) from " + sequence));
        }
        lines.sort(null);
        return lines;
    }

    /** {@link State#of} with these lines for the schema. */
    static State state(TestDatabase db) throws SQLException {
        if (!db.kind().isMariaDb()) {
            return State.of(db);
        }
        List<String> rows = new ArrayList<>();
        for (String query : CatalogModel.rowsAfter(CatalogModel.COUNT)) {
            rows.addAll(db.query(query));
        }
        rows.addAll(db.query("select id, status, customer_id from purchase_order order by id"));
        return new State(of(db), db.versionRows(), rows);
    }
}
