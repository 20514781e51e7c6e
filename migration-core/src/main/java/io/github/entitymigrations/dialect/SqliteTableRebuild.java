package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteIdentifiers.identifier;

import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Changes a table the way SQLite's own documentation (https://www.sqlite.org/lang_altertable.html#otheralter)
 * and Alembic's batch mode do it, move and copy:
 * <ol>
 *   <li>{@code create table "_em_new_<t>"} with the new definition: columns, primary key, uniques, checks
 *       and foreign keys (a self-reference names {@code <t>}, the table's final name);</li>
 *   <li>{@code insert into "_em_new_<t>" (<kept columns>) select <kept columns> from <t>}: the new column's
 *       affinity converts the values; a new column gets its default; where a column becomes INTEGER or REAL,
 *       a query then aborts the migration if a value did not convert (as PostgreSQL would refuse it);</li>
 *   <li>{@code drop table <t>} (which drops its indexes);</li>
 *   <li>{@code alter table "_em_new_<t>" rename to <t>};</li>
 *   <li>{@code create index} for each of the new definition's indexes.</li>
 * </ol>
 * The old table is dropped, never renamed away: renaming it would make SQLite rewrite the foreign keys of
 * the tables that reference it to the old copy. Those tables keep naming {@code <t>}, which exists again
 * after step 4, so they need no change. This needs foreign-key enforcement off while it runs (else the drop
 * would delete or refuse referenced rows), which {@link SqliteDialect#beforeMigration()} sees to, and
 * {@code PRAGMA foreign_key_check} afterwards finds any row the new definition no longer accepts.
 * <p>
 * Rows that break the new definition make the copy fail, as the same change fails on PostgreSQL: a NULL in a
 * column that becomes NOT NULL, a duplicate under a new unique constraint, a value outside a new check. A new
 * NOT NULL column without a default can therefore only be added to an empty table.
 * <p>
 * Triggers and views are not in the model: the table's triggers go with the old copy, and any view or trigger
 * naming the table makes the rename fail ({@code error in view v: no such table}). The runner keeps them (it
 * sets every view and trigger aside from step 1 to step 4 and creates them again after; see
 * {@link SqliteDialect#beginsRebuild}); a script run by hand must do the same, as SQLite's procedure says.
 */
final class SqliteTableRebuild {

    /** The prefix of the new copy's name while it is built. */
    static final String PREFIX = "_em_new_";

    private static final Pattern BEGIN = Pattern.compile(
            "(?is)create table \"?" + PREFIX + ".*");
    private static final Pattern END = Pattern.compile(
            "(?is)alter table \"?" + PREFIX + "\\S* rename to .*");

    private SqliteTableRebuild() {
    }

    static boolean begins(String statement) {
        return BEGIN.matcher(statement).matches();
    }

    static boolean ends(String statement) {
        return END.matcher(statement).matches();
    }

    /**
     * A column of the new table filled from the old one.
     *
     * @param target the new column
     * @param source the old column, as it was before the change
     * @param from   its name in the old table when the copy runs (a batch renames columns first)
     * @param cause  the operation that changed its type (for messages), or {@code null}
     */
    record Copy(Column target, Column source, String from, Operation cause) {
    }

    /**
     * The statements that turn table {@code before} into {@code after} (the same table, changed) in
     * {@code afterSchema}.
     */
    static List<String> statements(Table before, Table after, Schema afterSchema) {
        List<Copy> copies = new ArrayList<>();
        for (Column c : after.columns()) {
            Column old = before.column(c.name());
            if (old != null) {
                copies.add(new Copy(c, old, c.name(), null));
            }
        }
        return statements(before, after, afterSchema, copies, false);
    }

    /**
     * The same with the columns to copy given: {@code merged} checks every conversion into a number with one
     * query over the new table, naming the operation at fault (a batch of several changes); otherwise one per
     * column, as a single change always has.
     */
    static List<String> statements(Table before, Table after, Schema afterSchema, List<Copy> copies, boolean merged) {
        String copyName = PREFIX + after.name();
        if (!afterSchema.tablesNamed(copyName).isEmpty()) {
            throw new UnsupportedOperationException("cannot rebuild table " + after.name() + " on SQLite: the "
                    + "name it copies through, " + copyName + ", is taken by another table; rename that table");
        }
        SqliteTableSql sql = new SqliteTableSql(afterSchema);
        String copy = identifier(copyName, after.quoted());
        String table = identifier(before.name(), before.quoted());
        List<String> statements = new ArrayList<>();
        statements.add(sql.createTable(after, copy));
        List<String> targets = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<Copy> guarded = new ArrayList<>();
        for (Copy c : copies) {
            targets.add(identifier(c.target().name(), c.target().quoted()));
            sources.add(c.from().equals(c.target().name()) ? targets.get(targets.size() - 1)
                    : identifier(c.from(), c.source().quoted()));
            if (SqliteTypes.needsGuard(SqliteTypes.declared(c.source()), SqliteTypes.declared(c.target()))) {
                guarded.add(c);
            }
        }
        if (!targets.isEmpty()) {
            statements.add("insert into " + copy + " (" + String.join(", ", targets) + ") select "
                    + String.join(", ", sources) + " from " + table);
            if (merged && !guarded.isEmpty()) {
                statements.addAll(mergedGuard(after, copy, guarded));
            } else {
                for (int i = 0; i < guarded.size(); i++) {
                    statements.addAll(guard(after, copy, guarded.get(i).target(), i));
                }
            }
        }
        statements.add("drop table " + table);
        statements.add("alter table " + copy + " rename to " + sql.table(after));
        statements.addAll(sql.createIndexes(after));
        return statements;
    }

    /**
     * {@link #guard} for several columns at once: one scan of the new table finds the first value any of them
     * did not convert, and the error names the column, its new type and the operation that changed it.
     */
    private static List<String> mergedGuard(Table table, String copy, List<Copy> guarded) {
        String rejected = identifier("_em_rejected_" + table.name(), false);
        List<String> conditions = new ArrayList<>();
        StringBuilder message = new StringBuilder("case");
        for (Copy c : guarded) {
            String name = identifier(c.target().name(), c.target().quoted());
            String condition = "typeof(" + name + ") not in (" + allowed(c.target()) + ")";
            conditions.add(condition);
            message.append(" when ").append(condition).append(" then 'value ' || quote(").append(name).append(") || ")
                    .append(Dialect.literal(" in " + table.name() + "." + c.target().name() + " cannot become "
                            + SqliteTypes.declared(c.target()) + (c.cause() == null ? ""
                            : " (" + c.cause().describe() + ")")));
        }
        message.append(" end");
        return List.of(
                "create temp table " + rejected + " (value)",
                "create temp trigger " + identifier("_em_convert_" + table.name(), false) + " before insert on "
                        + rejected + " begin select raise(abort, new.value); end",
                "insert into temp." + rejected + " (value) select " + message + " from " + copy + " where "
                        + String.join(" or ", conditions) + " limit 1",
                "drop table temp." + rejected);
    }

    private static String allowed(Column column) {
        return SqliteTypes.affinity(SqliteTypes.declared(column)) == SqliteTypes.Affinity.INTEGER
                ? "'integer', 'null'" : "'integer', 'real', 'null'";
    }

    /**
     * Aborts the migration when a value did not become a number in a column that now has INTEGER or REAL
     * affinity: SQLite would otherwise keep it as text (or, with a CAST, turn {@code 'paid'} into 0), where
     * PostgreSQL refuses the conversion. After the copy, one query looks for the first such value in the new
     * table and inserts it into a temporary table whose trigger raises the error naming it; a per-row trigger
     * on the copy itself would run for every row (on a million rows, over half the time of the rebuild).
     * The temporary table (with its trigger) is dropped right after.
     */
    private static List<String> guard(Table table, String copy, Column column, int index) {
        String allowed = allowed(column);
        String rejected = "temp." + identifier(rejectedName(table, index), false);
        String name = identifier(column.name(), column.quoted());
        String message = " in " + table.name() + "." + column.name() + " cannot become " + SqliteTypes.declared(column);
        return List.of(
                "create temp table " + identifier(rejectedName(table, index), false) + " (value)",
                "create temp trigger " + identifier(guardName(table, index), false) + " before insert on "
                        + identifier(rejectedName(table, index), false) + " begin select raise(abort, 'value ' || "
                        + "quote(new.value) || " + Dialect.literal(message) + "); end",
                "insert into " + rejected + " (value) select " + name + " from " + copy + " where typeof(" + name
                        + ") not in (" + allowed + ") limit 1",
                "drop table " + rejected);
    }

    private static String rejectedName(Table table, int index) {
        return "_em_rejected_" + table.name() + "_" + index;
    }

    private static String guardName(Table table, int index) {
        return "_em_convert_" + table.name() + "_" + index;
    }
}
