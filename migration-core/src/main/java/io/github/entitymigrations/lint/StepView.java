package io.github.entitymigrations.lint;

import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.operations.SchemaState;
import java.util.List;
import java.util.function.Supplier;

/**
 * One step being judged, with what the rules need to know around it.
 *
 * @param file    the migration file
 * @param number  the step, counted from 1
 * @param op      the operation
 * @param state   the schema being replayed, as it is just before the step (read, never changed, here)
 * @param before  the same as a {@link Schema}, made only when a rule asks (a long history has thousands of steps)
 * @param earlier the steps of the same migration before it
 * @param history which tables and columns existed before the migration (an object the migration creates is new and
 *                empty)
 * @param facts   what the database says, or {@link LintFacts#NONE}
 * @param dialect {@code postgresql}, {@code sqlite}, {@code mariadb} or {@code mysql}
 */
record StepView(MigrationFile file, int number, Operation op, SchemaState state, Supplier<Schema> before,
                List<Operation> earlier,
                Existing history, LintFacts facts, String dialect) {

    boolean existing(String schema, String table) {
        return history.table(schema, table);
    }

    boolean existingColumn(String schema, String table, String column) {
        return history.column(schema, table, column);
    }

    /** The rows of the table when the database told, through renames in this migration; else {@code null}. */
    Long rows(String schema, String table) {
        String origin = history.origin(schema, table);
        return origin == null ? null : facts.rows().get(origin);
    }

    /** The table as it is before the step, or {@code null}. */
    Table table(String schema, String name) {
        return state.hasTable(schema, name) ? state.table(schema, name) : null;
    }

    /** A step of {@code file} judged against {@code state}, whose schema is made once if a rule asks for it. */
    static StepView of(MigrationFile file, int number, Operation op, SchemaState state, List<Operation> earlier,
                       Existing history, LintFacts facts, String dialect) {
        Schema[] made = new Schema[1];
        Supplier<Schema> before = () -> made[0] != null ? made[0] : (made[0] = state.toSchema());
        return new StepView(file, number, op, state, before, earlier, history, facts, dialect);
    }

    /** " (12 rows)" when the database told, else "". */
    String rowsNote(String schema, String table) {
        Long n = rows(schema, table);
        return n == null ? "" : " (" + facts.describeRows(n) + ")";
    }

    Finding finding(String ruleId, Severity severity, String schema, String table, String message) {
        Rule rule = Rules.byId(ruleId);
        return new Finding(file.id(), file.fileName(), number, ruleId, severity,
                table == null ? null : QualifiedName.display(schema, table), message, rule.fix(), null);
    }

    /** A finding at the rule's own severity. */
    Finding finding(String ruleId, String schema, String table, String message) {
        return finding(ruleId, Rules.byId(ruleId).severity(), schema, table, message);
    }
}
