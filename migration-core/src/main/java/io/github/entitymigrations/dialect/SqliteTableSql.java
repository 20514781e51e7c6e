package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.SqliteIdentifiers.identifier;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The SQL text of a table's parts: its {@code create table} with every key, constraint and foreign key
 * inline (SQLite cannot add them later), column definitions and indexes. {@code schema} is the schema the
 * statements produce, where referenced tables are looked up for how their names are written.
 */
final class SqliteTableSql {

    /** Defaults SQLite takes as written: numbers, strings, blobs, NULL, TRUE, FALSE, CURRENT_*. */
    private static final Pattern LITERAL = Pattern.compile("(?i)[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(e[+-]?\\d+)?"
            + "|[+-]?0x[0-9a-f]+|'([^']|'')*'|x'[0-9a-f]*'|null|true|false|current_date|current_time|current_timestamp");
    private static final Pattern CURRENT = Pattern.compile("(?i)current_(date|time|timestamp)");

    private final Schema schema;

    SqliteTableSql(Schema schema) {
        this.schema = schema;
    }

    /** {@code create table <name> (...)}, under {@code name} (already written as SQL), not the table's own. */
    String createTable(Table t, String name) {
        requireValidIdentity(t);
        List<String> parts = new ArrayList<>();
        t.columns().forEach(c -> parts.add(columnDefinition(c)));
        if (t.primaryKey() != null) {
            parts.add("constraint " + identifier(t.primaryKey().name(), false) + " primary key ("
                    + columns(t, t.primaryKey().columns()) + ")");
        }
        for (UniqueConstraint u : t.uniques()) {
            parts.add("constraint " + identifier(u.name(), false) + " unique (" + columns(t, u.columns()) + ")");
        }
        for (CheckConstraint c : t.checks()) {
            parts.add("constraint " + identifier(c.name(), false) + " check (" + checkCondition(t, c) + ")");
        }
        for (ForeignKey f : t.foreignKeys()) {
            parts.add(foreignKey(t, f));
        }
        return "create table " + name + " (" + String.join(", ", parts) + ")";
    }

    /** {@code create [unique] index} for each of the table's indexes. */
    List<String> createIndexes(Table t) {
        return t.indexes().stream().map(i -> createIndex(t, i)).toList();
    }

    String createIndex(Table t, Index i) {
        return "create " + (i.unique() ? "unique " : "") + "index " + identifier(i.name(), false) + " on "
                + table(t) + " (" + columns(t, i.columns()) + ")";
    }

    /** A column as {@code create table} and {@code add column} write it: name, type, default, nullability. */
    String columnDefinition(Column c) {
        StringBuilder sql = new StringBuilder(identifier(c.name(), c.quoted())).append(' ')
                .append(SqliteTypes.declared(c));
        if (c.defaultValue() != null && !c.identity()) {
            sql.append(" default ").append(defaultExpression(c.defaultValue()));
        }
        if (!c.nullable()) {
            sql.append(" not null");
        }
        return sql.toString();
    }

    /**
     * A default as SQLite accepts it: a literal as written (as Hibernate writes it), anything else in
     * parentheses, which SQLite requires for expressions.
     */
    static String defaultExpression(String expression) {
        String e = expression.strip();
        return LITERAL.matcher(e).matches() ? e : "(" + e + ")";
    }

    /** Whether {@code alter table add column} may use this default: a constant literal, not CURRENT_* nor an expression. */
    static boolean isConstantDefault(String expression) {
        String e = expression.strip();
        return LITERAL.matcher(e).matches() && !CURRENT.matcher(e).matches();
    }

    static boolean isNullDefault(String expression) {
        return expression == null || expression.strip().equalsIgnoreCase("null");
    }

    String table(Table t) {
        return identifier(t.name(), t.quoted());
    }

    /** A column of {@code t}, written with the quoting its definition asks for. */
    static String column(Table t, String name) {
        Column c = t.column(name);
        return identifier(c == null ? name : c.name(), c != null && c.quoted());
    }

    static String columns(Table t, List<String> names) {
        return String.join(", ", names.stream().map(n -> column(t, n)).toList());
    }

    private static String checkCondition(Table t, CheckConstraint c) {
        if (c.values() != null) {
            return column(t, c.column()) + " in (" + String.join(", ", c.values().stream()
                    .map(Dialect::literal).toList()) + ")";
        }
        if (c.expression() == null) {
            return column(t, c.column()) + " between " + c.min() + " and " + c.max();
        }
        return c.expression();
    }

    private String foreignKey(Table t, ForeignKey f) {
        Table target = referenced(t, f);
        String sql = "constraint " + identifier(f.name(), false) + " foreign key (" + columns(t, f.columns())
                + ") references " + identifier(target == null ? f.referencedTable() : target.name(),
                target != null && target.quoted()) + " ("
                + (target == null ? String.join(", ", f.referencedColumns().stream().map(n -> identifier(n, false)).toList())
                : columns(target, f.referencedColumns())) + ")";
        return sql + onDelete(f);
    }

    private Table referenced(Table t, ForeignKey f) {
        return referenced(schema, t, f);
    }

    /** The table {@code f} of {@code t} references in {@code schema}, or {@code null} when it has none of that name. */
    static Table referenced(Schema schema, Table t, ForeignKey f) {
        if (f.referencedTable().equalsIgnoreCase(t.name())) {
            return t;
        }
        return schema.tablesNamed(f.referencedTable()).stream().findFirst()
                .orElse(null);
    }

    private static String onDelete(ForeignKey f) {
        return f.onDelete().sql() == null ? "" : " on delete " + f.onDelete().sql();
    }

    /**
     * SQLite generates values only for its rowid, which a column aliases when it is declared
     * {@code integer} and is the whole primary key.
     */
    static void requireValidIdentity(Table t) {
        Column c = misplacedIdentity(t);
        if (c != null) {
            throw new UnsupportedOperationException("SQLite generates values only for a table's single-column "
                    + "integer primary key, but identity column " + t.name() + "." + c.name() + " is not "
                    + (t.primaryKey() == null ? "in a primary key" : "the whole primary key "
                    + t.primaryKey().name()) + "; make it the only primary-key column, or use a sequence "
                    + "(GenerationType.SEQUENCE) instead of IDENTITY");
        }
    }

    /** An identity column of {@code t} that is not its whole primary key, or {@code null}. */
    static Column misplacedIdentity(Table t) {
        for (Column c : t.columns()) {
            if (c.identity() && (t.primaryKey() == null || t.primaryKey().columns().size() != 1
                    || !t.primaryKey().columns().get(0).equalsIgnoreCase(c.name()))) {
                return c;
            }
        }
        return null;
    }
}
