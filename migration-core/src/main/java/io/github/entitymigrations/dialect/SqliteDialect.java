package io.github.entitymigrations.dialect;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.TableOperation;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * SQLite, as Hibernate 6.6's community {@code SQLiteDialect} maps entities onto it.
 * <ul>
 *   <li>Native {@code alter table} where SQLite has one: add column (when SQLite allows it, see
 *       {@link SqliteAlterRules}), drop column (when nothing else uses the column), rename table and
 *       column (SQLite rewrites the indexes, constraints and other tables' foreign keys that name them),
 *       create and drop index.</li>
 *   <li>Everything else on a table (alter column; add or drop primary key, unique, check or foreign key;
 *       the add and drop column cases SQLite refuses) is a {@link SqliteTableRebuild}.</li>
 *   <li>Sequences: SQLite has none, and Hibernate's {@code SequenceStyleGenerator} then uses a table named
 *       like the sequence with one {@code next_val} column holding the next value, initialised to the start.
 *       The increment is the mapping's allocation size and is not stored, so altering a sequence changes
 *       nothing in the database (as {@code alter sequence ... start with} leaves a PostgreSQL sequence's
 *       current value alone).</li>
 *   <li>Identity columns are {@code integer} and the table's single-column primary key, so they alias the
 *       rowid; like Hibernate, no {@code autoincrement} (a deleted highest id may be reused).</li>
 * </ul>
 * Foreign-key enforcement is off while a migration runs and on afterwards; {@code PRAGMA foreign_key_check}
 * at the end of each migration's transaction rolls it back if any row breaks a foreign key.
 */
public final class SqliteDialect implements Dialect {

    public static final String NAME = "sqlite";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String columnType(io.github.entitymigrations.schema.Column column) {
        return SqliteTypes.declared(column);
    }

    @Override
    public String identifier(String name, boolean quoted) {
        return SqliteIdentifiers.identifier(name, quoted);
    }

    /**
     * Foreign keys off (a rebuild drops a table others reference; {@code PRAGMA foreign_keys} cannot change
     * inside a transaction, hence before it), and {@code legacy_alter_table} off, so renames rewrite the
     * foreign keys that reference a renamed table or column whatever the build's default. SQL run by hand
     * (the {@code sql} goal's output) must start with these too: with enforcement on, a rebuild's
     * {@code drop table} would delete the rows that reference the table {@code on delete cascade}.
     */
    @Override
    public List<String> beforeMigration() {
        return List.of("PRAGMA foreign_keys = OFF", "PRAGMA legacy_alter_table = OFF");
    }

    /**
     * Whether the statement starts a {@link SqliteTableRebuild} (creates the new copy): from here until the
     * statement {@link #endsRebuild} accepts, no view or trigger may name the table, so the runner sets them
     * aside.
     */
    public static boolean beginsRebuild(String statement) {
        return SqliteTableRebuild.begins(statement);
    }

    /** Whether the statement ends a rebuild: the copy takes the table's name, and views and triggers may return. */
    public static boolean endsRebuild(String statement) {
        return SqliteTableRebuild.ends(statement);
    }

    /** Lists every row whose foreign key has no parent; each one fails the migration. */
    @Override
    public String integrityCheck() {
        return "PRAGMA foreign_key_check";
    }

    /** One {@code PRAGMA foreign_key_check(table)} a table: the rows of that table whose foreign keys point nowhere. */
    @Override
    public List<String> integrityCheck(List<io.github.entitymigrations.schema.Table> tables) {
        List<String> checks = new java.util.ArrayList<>(tables.size());
        for (io.github.entitymigrations.schema.Table t : tables) {
            checks.add("PRAGMA foreign_key_check(" + identifier(t.name(), t.quoted()) + ")");
        }
        return checks;
    }

    /** Enforcement on again, as an application using the database expects it. */
    @Override
    public List<String> afterMigration() {
        return List.of("PRAGMA foreign_keys = ON");
    }

    /**
     * A {@code create_table} in no schema but {@code main} (nor referencing one), whose table as rendered (the
     * first of its name in {@code after}) has {@link TableNames#plain plain} names, identity only on its
     * single-column primary key, a type here for each column, and foreign keys whose referenced tables, as
     * {@link SqliteTableSql} finds them, have plain names too.
     */
    @Override
    public boolean certainlyRenders(Operation operation, Schema before, Schema after) {
        if (!(operation instanceof CreateTable op) || before == null || after == null
                || outsideMain(operation) != null) {
            return false;
        }
        List<Table> named = after.tablesNamed(op.table().name());
        if (named.isEmpty()) {
            return false;
        }
        Table t = named.get(0);
        if (!TableNames.plain(t, Integer.MAX_VALUE)) {
            return false;
        }
        SqliteTableSql.requireValidIdentity(t); // each throws as rendering would
        t.columns().forEach(SqliteTypes::declared);
        for (ForeignKey f : t.foreignKeys()) {
            Table target = SqliteTableSql.referenced(after, t, f);
            if (target == null) {
                continue;
            }
            if (!TableNames.plain(target.name(), Integer.MAX_VALUE, false)) {
                return false;
            }
            for (String n : f.referencedColumns()) { // written as the target defines them
                Column c = target.column(n);
                if (c != null && !TableNames.plain(c.name(), Integer.MAX_VALUE, false)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * @param before the schema just before the operation; required for every operation on a table
     */
    @Override
    public List<String> render(Operation operation, Schema before) {
        return render(operation, before, null);
    }

    /** With {@code after} {@code null}, it is computed from {@code before}. */
    @Override
    public List<String> render(Operation operation, Schema before, Schema after) {
        requireDefaultSchema(operation);
        if (operation instanceof Sql sql) {
            return Sql.statementsFor(sql.upgrade(), NAME);
        }
        if (operation instanceof CreateSequence op) {
            return createSequence(op.sequence());
        }
        if (operation instanceof DropSequence op) {
            return List.of("drop table " + sequenceTable(op.sequence()));
        }
        if (operation instanceof AlterSequence) {
            return List.of();
        }
        Objects.requireNonNull(before, () -> "the SQLite dialect needs the schema before " + operation.describe());
        if (after == null) {
            after = new SchemaState(before).apply(List.of(operation)).toSchema();
        }
        if (operation instanceof CreateTable op) {
            Table t = table(after, op.table().name());
            SqliteTableSql sql = new SqliteTableSql(after);
            List<String> statements = new ArrayList<>();
            statements.add(sql.createTable(t, sql.table(t)));
            statements.addAll(sql.createIndexes(t));
            return statements;
        }
        if (operation instanceof DropTable op) {
            return List.of("drop table " + identifier(op.table().name(), op.table().quoted()));
        }
        if (operation instanceof RenameTable op) {
            return SqliteAlterRules.renameTable(table(before, op.from()), op.to());
        }
        if (!(operation instanceof TableOperation op)) {
            // Every other operation has its branch above: a new one must get its own, not a cast failure.
            throw new UnsupportedOperationException("SQLite cannot render " + operation.describe());
        }
        Table old = table(before, op.table());
        Table changed = table(after, op.table());
        List<String> statements = nativeAlter(operation, old, changed, new SqliteTableSql(after));
        return statements != null ? statements : SqliteTableRebuild.statements(old, changed, after);
    }

    /**
     * A run of consecutive operations on one table that need a rebuild each (with the changes to that table
     * between them) becomes one rebuild: see {@link SqliteRebuildBatch}.
     */
    @Override
    public int together(List<Operation> ops, List<Schema> schemas, int start) {
        return SqliteRebuildBatch.size(ops, schemas, start);
    }

    @Override
    public List<String> render(List<Operation> ops, Schema before, Schema after) {
        if (ops.size() == 1) {
            return render(ops.get(0), before, after);
        }
        ops.forEach(SqliteDialect::requireDefaultSchema);
        return SqliteRebuildBatch.statements(ops, before, after);
    }

    /**
     * Whether SQLite needs a {@link SqliteTableRebuild} for an operation on table {@code old} (as it is just
     * before it), rather than its own {@code alter table}, {@code create index} or {@code drop index}.
     */
    static boolean rebuilds(Operation operation, Table old) {
        if (operation instanceof CreateIndex || operation instanceof DropIndex || operation instanceof RenameColumn) {
            return false;
        }
        if (operation instanceof AddColumn op) {
            return !SqliteAlterRules.canAddColumn(op.column());
        }
        if (operation instanceof DropColumn op) {
            return !SqliteAlterRules.canDropColumn(old, op.column().name());
        }
        return operation instanceof TableOperation;
    }

    /** The statements of a change SQLite's own {@code alter table}, {@code create index} or {@code drop index} does, or {@code null}. */
    private static List<String> nativeAlter(Operation operation, Table old, Table changed, SqliteTableSql sql) {
        if (rebuilds(operation, old)) {
            return null;
        }
        String table = SqliteIdentifiers.identifier(old.name(), old.quoted());
        if (operation instanceof CreateIndex op) {
            return List.of(sql.createIndex(changed, op.index()));
        }
        if (operation instanceof DropIndex op) {
            return List.of("drop index " + SqliteIdentifiers.identifier(op.index().name(), false));
        }
        if (operation instanceof RenameColumn op) {
            return SqliteAlterRules.renameColumn(old, op.from(), op.to());
        }
        if (operation instanceof AddColumn op) {
            return List.of("alter table " + table + " add column "
                    + sql.columnDefinition(changed.column(op.column().name())));
        }
        DropColumn op = (DropColumn) operation; // what rebuilds() leaves
        return List.of("alter table " + table + " drop column " + SqliteTableSql.column(old, op.column().name()));
    }

    private List<String> createSequence(Sequence s) {
        // As Hibernate's TableStructure creates it: the table, then its single row with the first value.
        return List.of("create table " + sequenceTable(s) + " (next_val bigint)",
                "insert into " + sequenceTable(s) + " (next_val) values (" + s.start() + ")");
    }

    private String sequenceTable(Sequence s) {
        return identifier(s.name(), s.quoted());
    }

    static Table table(Schema schema, String name) {
        return schema.tablesNamed(name).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("there is no table " + name));
    }

    /** SQLite has one schema per database file ({@code main}); attached databases cannot share foreign keys. */
    private static void requireDefaultSchema(Operation operation) {
        String schema = outsideMain(operation);
        if (schema != null) {
            throw new UnsupportedOperationException("SQLite has no schemas, so it cannot " + operation.describe()
                    + " (schema " + schema + "); remove the schema from the mapping (@Table(schema), "
                    + "@SequenceGenerator(schema)) for SQLite, or use PostgreSQL");
        }
    }

    /** The first schema other than {@code main} the operation names (its table's, or a referenced one), or none. */
    private static String outsideMain(Operation operation) {
        return schemasNamed(operation).filter(s -> s != null && !s.equalsIgnoreCase("main")).findFirst().orElse(null);
    }

    private static Stream<String> schemasNamed(Operation operation) {
        if (operation instanceof CreateTable op) {
            return withReferences(op.table());
        }
        if (operation instanceof DropTable op) {
            return withReferences(op.table());
        }
        if (operation instanceof RenameTable op) {
            return Stream.of(op.schema());
        }
        if (operation instanceof AddForeignKey op) {
            return Stream.of(op.schema(), op.foreignKey().referencedSchema());
        }
        if (operation instanceof TableOperation op) {
            return Stream.of(op.schema());
        }
        if (operation instanceof CreateSequence op) {
            return Stream.of(op.sequence().schema());
        }
        if (operation instanceof DropSequence op) {
            return Stream.of(op.sequence().schema());
        }
        if (operation instanceof AlterSequence op) {
            return Stream.of(op.from().schema());
        }
        return Stream.of();
    }

    private static Stream<String> withReferences(Table t) {
        return Stream.concat(Stream.of(t.schema()), t.foreignKeys().stream().map(ForeignKey::referencedSchema));
    }
}
