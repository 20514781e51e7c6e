package io.github.entitymigrations.diff;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.dialect.MariaDbDialect;
import io.github.entitymigrations.dialect.PostgresDialect;
import io.github.entitymigrations.dialect.SqliteDialect;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.Definitions;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.QualifiedName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The two-phase steps for a column that becomes NOT NULL on a table that may have rows, when the entities give
 * the value for those rows ({@code @Backfill}, or a backfill entry of {@code generate}): the column nullable (added
 * so, or as it is), then {@code update <table> set <column> = <expression> where <column> is null}, then the column
 * NOT NULL. Each step reverses: the update's downgrade is {@code {"*": []}}, since the values it wrote do no harm to
 * a nullable column. The update keeps that exact form, which {@link #fills} (and lint) recognise as a backfill.
 */
public final class Backfills {

    /** Each dialect that a step's statements may be keyed by, with its identifier quoting. */
    private static final Map<String, Dialect> DIALECTS = dialects();

    private static Map<String, Dialect> dialects() {
        Map<String, Dialect> all = new LinkedHashMap<>();
        all.put("postgresql", new PostgresDialect(null));
        all.put("sqlite", new SqliteDialect());
        all.put(MariaDbDialect.MARIADB, MariaDbDialect.mariadb(null));
        all.put(MariaDbDialect.MYSQL, MariaDbDialect.mysql(null));
        return all;
    }

    private Backfills() {
    }

    /** Whether the change from {@code old} (or none: a column added to a table with rows) to {@code now} needs one. */
    static boolean needed(Column old, Column now) {
        if (now.nullable() || now.identity()) {
            return false;
        }
        return old == null ? now.defaultValue() == null : old.nullable();
    }

    /** A column added NOT NULL, with its backfill: add nullable, update, set NOT NULL. */
    static List<Operation> added(String schema, String table, Column column) {
        Column nullable = nullable(column);
        return List.of(new AddColumn(schema, table, nullable), update(schema, table, column),
                new AlterColumn(schema, table, nullable, column));
    }

    /**
     * An existing nullable column made NOT NULL ({@code target}), with its backfill. When its type or default
     * changes too, that change comes first, so the expression fills the column as it will be.
     */
    static List<Operation> tightened(String schema, String table, Column old, Column target) {
        List<Operation> steps = new ArrayList<>();
        Column between = nullable(target);
        if (!Definitions.sameColumn(old, between)) {
            steps.add(new AlterColumn(schema, table, old, between));
        }
        steps.add(update(schema, table, target));
        steps.add(new AlterColumn(schema, table, between, target));
        return steps;
    }

    private static Column nullable(Column c) {
        return new Column(c.name(), c.type(), true, c.identity(), c.defaultValue(), c.columnDefinition(), c.quoted(),
                null);
    }

    /**
     * The update, once per way the databases quote its names: the text most databases share is written for any
     * database ({@code "*"}), the others under their own keys (ties go to the first of postgresql, sqlite, mariadb,
     * mysql). A table in a schema gets one statement per database but SQLite (which has no schemas, so cannot run
     * that table's steps anyway), and no {@code "*"}.
     */
    static Sql update(String schema, String table, Column column) {
        Map<String, List<String>> byDialect = new LinkedHashMap<>();
        boolean qualified = schema != null && !schema.isBlank();
        Map<String, String> texts = new LinkedHashMap<>();
        DIALECTS.forEach((name, d) -> {
            if (!qualified || !name.equals(SqliteDialect.NAME)) {
                texts.put(name, statement(d, schema, table, column));
            }
        });
        String shared = qualified ? null : mostShared(texts);
        texts.forEach((name, text) -> {
            if (!text.equals(shared)) {
                byDialect.put(name, List.of(text));
            }
        });
        if (shared != null) {
            byDialect.put(Sql.ANY_DIALECT, List.of(shared));
        }
        return new Sql(byDialect, Map.of(Sql.ANY_DIALECT, List.of()), false, List.of());
    }

    private static String mostShared(Map<String, String> texts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        texts.values().forEach(t -> counts.merge(t, 1, Integer::sum));
        String best = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (best == null || e.getValue() > counts.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }

    private static String statement(Dialect d, String schema, String table, Column column) {
        return head(d, schema, table, column) + column.backfill() + tail(d, column);
    }

    /** {@code update <table> set <column> = }, quoted as {@code d} quotes names. */
    private static String head(Dialect d, String schema, String table, Column column) {
        String t = (schema == null || schema.isBlank() ? "" : d.identifier(schema, false) + ".")
                + d.identifier(table, false);
        return "update " + t + " set " + d.identifier(column.name(), column.quoted()) + " = ";
    }

    private static String tail(Dialect d, Column column) {
        return " where " + d.identifier(column.name(), column.quoted()) + " is null";
    }

    /**
     * Whether {@code op} is the backfill {@link #update} writes for the column {@code alter} makes NOT NULL:
     * every statement {@code update <table> set <column> = ... where <column> is null}, nothing to undo.
     */
    static boolean fills(Operation op, AlterColumn alter) {
        if (!(op instanceof Sql sql) || !sql.schemaChanges().isEmpty() || sql.irreversible()
                || sql.downgrade().values().stream().anyMatch(l -> !l.isEmpty()) || sql.upgrade().isEmpty()) {
            return false;
        }
        for (Map.Entry<String, List<String>> e : sql.upgrade().entrySet()) {
            String text = e.getValue().size() == 1 ? e.getValue().get(0) : "";
            Dialect own = DIALECTS.get(e.getKey());
            boolean matches = own != null ? isUpdate(own, text, alter)
                    : DIALECTS.values().stream().anyMatch(d -> isUpdate(d, text, alter));
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code text} is the update of the column {@code alter} makes NOT NULL, as {@code d} quotes it. */
    private static boolean isUpdate(Dialect d, String text, AlterColumn alter) {
        return text.startsWith(head(d, alter.schema(), alter.table(), alter.to())) && text.endsWith(tail(d, alter.to()));
    }

    /**
     * The columns ({@code table.column}, as named in the entities) that a backfill would serve in {@code upgrade}:
     * those made NOT NULL by an alter, and those added NOT NULL without a default to a table in {@code existing}.
     */
    public static Set<String> candidates(List<Operation> upgrade, Set<String> existing) {
        Set<String> result = new TreeSet<>();
        for (Operation op : upgrade) {
            if (op instanceof AlterColumn a && a.from().nullable() && !a.to().nullable()) {
                result.add(name(a.schema(), a.table(), a.to().name()));
            } else if (op instanceof AddColumn a && existing.contains(QualifiedName.key(a.schema(), a.table()))
                    && needed(null, a.column())) {
                result.add(name(a.schema(), a.table(), a.column().name()));
            }
        }
        return result;
    }

    /** {@code schema.table.column}, or {@code table.column}: how a backfill entry names a column. */
    public static String name(String schema, String table, String column) {
        return (schema == null || schema.isBlank() ? "" : schema + ".") + table + "." + column;
    }
}
