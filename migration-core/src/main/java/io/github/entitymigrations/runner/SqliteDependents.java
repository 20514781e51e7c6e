package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the views and triggers of an SQLite database through a table rebuild, which the model does not know:
 * the rebuild's {@code drop table} takes the table's triggers with it, and its rename fails while any view or
 * trigger names the table. So, inside the migration's transaction, when a rebuild begins every view and
 * trigger is read from {@code sqlite_master} and dropped; when it ends they are created again, in their
 * original order, and each is compiled (a view queried, a trigger's statement explained) so one the change
 * broke fails the migration here, naming it, rather than later in the application. Views go too, not only
 * those on the table: a view may use the table through another view.
 */
final class SqliteDependents {

    /** A view or trigger as {@code sqlite_master} holds it. */
    record Dependent(String type, String name, String table, String sql) {
    }

    private static final Pattern EVENT = Pattern.compile(
            "(?is).*?\\b(insert|delete|update)(\\s+of\\s+(\"[^\"]+\"|[^\\s,]+))?\\s+on\\s.*");

    private final Step step;
    private List<Dependent> held;

    private SqliteDependents(Step step) {
        this.step = step;
    }

    /** For a step's statements on an SQLite database (see {@link DatabaseKind#dependents}). */
    static SqliteDependents of(Step step) {
        return new SqliteDependents(step);
    }

    /**
     * The comment a script (the {@code sql} goal's) puts before a rebuild: a script cannot know the database's
     * views and triggers, so whoever runs it must keep them.
     */
    static String scriptNote(String statement) {
        return SqliteDialect.beginsRebuild(statement) ? "-- a table rebuild: drop the database's views, and the "
                + "triggers on or naming this table, before it and create them again after the rename (upgrade and "
                + "downgrade do this themselves; this script cannot know them)\n" : "";
    }

    /** Before each statement: a rebuild beginning sets every view and trigger aside. */
    void before(Connection c, String statement) throws SQLException {
        if (held != null || !SqliteDialect.beginsRebuild(statement)) {
            return;
        }
        held = read(c);
        for (int i = held.size() - 1; i >= 0; i--) { // the later may depend on the earlier
            execute(c, "drop " + held.get(i).type() + " if exists " + quote(held.get(i).name()));
        }
    }

    /** After each statement: a rebuild ending creates them again; one that no longer works fails the step. */
    void after(Connection c, String statement) throws SQLException {
        if (held == null || !SqliteDialect.endsRebuild(statement)) {
            return;
        }
        List<Dependent> dependents = held;
        held = null;
        for (Dependent d : dependents) {
            try {
                execute(c, d.sql());
            } catch (SQLException e) {
                throw broken(d, e);
            }
        }
        for (Dependent d : dependents) {
            try (Statement s = c.createStatement()) {
                s.execute(check(c, d));
            } catch (SQLException e) {
                throw broken(d, e);
            }
        }
    }

    private static List<Dependent> read(Connection c) throws SQLException {
        List<Dependent> found = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select type, name, tbl_name, sql from "
                + "sqlite_master where type in ('view', 'trigger') and sql is not null order by rowid")) {
            while (rs.next()) {
                found.add(new Dependent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return found;
    }

    /** A statement that compiles the view, or the trigger's program, without changing anything. */
    private static String check(Connection c, Dependent d) throws SQLException {
        String table = quote(d.table());
        if (d.type().equals("view")) {
            return "select * from " + table + " limit 0";
        }
        Matcher m = EVENT.matcher(d.sql());
        String event = m.matches() ? m.group(1).toLowerCase(Locale.ROOT) : "insert";
        return switch (event) {
            case "delete" -> "explain delete from " + table;
            case "update" -> "explain update " + table + " set " + (m.group(3) != null ? m.group(3) + " = "
                    + m.group(3) : firstColumn(c, d.table()));
            default -> "explain insert into " + table + " default values";
        };
    }

    /** {@code "c" = "c"} for the table's first column: an update that fires every update trigger. */
    private static String firstColumn(Connection c, String table) throws SQLException {
        try (var s = c.prepareStatement("select name from pragma_table_info(?) order by cid limit 1")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                String column = rs.next() ? quote(rs.getString(1)) : "rowid";
                return column + " = " + column;
            }
        }
    }

    private MigrationException broken(Dependent d, SQLException e) {
        return new MigrationException("Migration " + step.label() + " (" + step.file().fileName() + ") rebuilds a "
                + "table on SQLite, which sets every view and trigger aside and creates them again after; " + d.type()
                + " " + d.name() + " no longer works after the change (SQLite said: " + e.getMessage() + ").\n"
                + (step.outsideTransaction() ? "It runs outside a transaction: check what was applied. "
                : "It was rolled back: nothing of it was applied. ") + "Drop " + d.name() + " in a sql step before "
                + "the change and create it again, fitting the new table, in one after it.");
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
