package io.github.entitymigrations.dialect;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * MariaDB and MySQL, in the forms Hibernate's {@code MariaDBDialect} and {@code MySQLDialect} use, so a migrated
 * database passes {@code hibernate.hbm2ddl.auto=validate}. One class, two flavours ({@link #mariadb}, {@link #mysql}):
 * they differ in sequences (MariaDB has them, MySQL gets Hibernate's one-row tables) and in {@code uuid} (a type on
 * MariaDB 10.7+, {@code binary(16)} on MySQL).
 *
 * <ul>
 *   <li><b>Types</b>: see {@link MariaDbTypes} ({@code bit} for booleans, {@code datetime(6)}, {@code decimal(p,s)},
 *       {@code varchar(n)} then {@code text}/{@code mediumtext}/{@code longtext} by length, {@code json}, ...); a
 *       STRING enum is a native {@code enum('A','B')} without a check, and adding or dropping its check changes the
 *       column's type with {@code modify column}.</li>
 *   <li><b>Names</b> are written as the mapping gives them (neither server folds case), in backticks when reserved
 *       or unusual (see {@link MariaDbIdentifiers}); at most 64 characters. Tables are qualified with the configured
 *       database ({@code db.t}); a mapping's schema is dropped, as Hibernate drops it (see {@link MariaDbNames}).</li>
 *   <li><b>Every operation is one statement</b> where the server allows it, since DDL commits at once here and the
 *       runner undoes a failed migration operation by operation: {@code create table} holds its keys, constraints
 *       and indexes inline ({@code engine=InnoDB}); a column change is one {@code modify column} with the whole new
 *       definition; identity is {@code auto_increment}.</li>
 *   <li><b>SQL steps</b> run their {@code mariadb} (or {@code mysql}) statements, else their {@code *} ones.</li>
 * </ul>
 */
public final class MariaDbDialect implements Dialect {

    /** The name per-dialect {@code sql} steps use for MariaDB. */
    public static final String MARIADB = "mariadb";
    /** The name per-dialect {@code sql} steps use for MySQL. */
    public static final String MYSQL = "mysql";

    private final boolean mysql;
    private final String defaultSchema;
    private final MariaDbTypes.Server server;

    private MariaDbDialect(boolean mysql, String defaultSchema, boolean nativeUuid) {
        this.mysql = mysql;
        this.defaultSchema = defaultSchema == null || defaultSchema.isBlank() ? null : defaultSchema.strip();
        this.server = new MariaDbTypes.Server(mysql, nativeUuid);
    }

    /**
     * MariaDB as Hibernate's {@code MariaDBDialect} sees a 10.7+ server.
     *
     * @param defaultSchema the database for objects named without one, or {@code null} for the connection's current
     *                      database
     */
    public static MariaDbDialect mariadb(String defaultSchema) {
        return new MariaDbDialect(false, defaultSchema, true);
    }

    /**
     * MySQL 8 as Hibernate's {@code MySQLDialect} sees it.
     *
     * @param defaultSchema the database for objects named without one, or {@code null} for the connection's current
     *                      database
     */
    public static MariaDbDialect mysql(String defaultSchema) {
        return new MariaDbDialect(true, defaultSchema, false);
    }

    /**
     * This dialect for a server of that version: MariaDB before 10.7 has no {@code uuid} type, and Hibernate then
     * stores a UUID as {@code binary(16)} as on MySQL.
     */
    public MariaDbDialect forServerVersion(int major, int minor) {
        boolean uuid = !mysql && (major > 10 || major == 10 && minor >= 7);
        return new MariaDbDialect(mysql, defaultSchema, uuid);
    }

    /** Whether this is the MySQL flavour (Hibernate's {@code MySQLDialect}; sequences as tables). */
    public boolean isMysql() {
        return mysql;
    }

    @Override
    public String name() {
        return mysql ? MYSQL : MARIADB;
    }

    private String product() {
        return mysql ? "MySQL" : "MariaDB";
    }

    @Override
    public String columnType(Column column) {
        return MariaDbTypes.of(column, server);
    }

    @Override
    public String identifier(String name, boolean quoted) {
        return MariaDbIdentifiers.identifier(name, quoted);
    }

    /**
     * A {@code create_table} whose names are {@link TableNames#plain plain} and at most
     * {@value MariaDbIdentifiers#MAX_LENGTH} characters long, whose columns each have a type here (or are a STRING
     * enum's) and not both a default and identity, and whose foreign keys' referenced tables, as
     * {@link MariaDbTableSql#foreignKey} finds them, have such names too (their keys give the referenced columns'
     * order).
     */
    @Override
    public boolean certainlyRenders(Operation operation, Schema before, Schema after) {
        if (!(operation instanceof CreateTable op)) {
            return false;
        }
        Table t = op.table();
        int max = MariaDbIdentifiers.MAX_LENGTH;
        if (!TableNames.plain(defaultSchema, max, true) || !TableNames.plain(t, max)) {
            return false;
        }
        for (Column c : t.columns()) {
            if (c.identity() && c.defaultValue() != null) {
                return false;
            }
            if (MariaDbEnums.ownValues(t, c) == null) {
                MariaDbTypes.of(c, server); // throws as rendering would
            }
        }
        MariaDbNames names = new MariaDbNames(defaultSchema, before);
        for (ForeignKey f : t.foreignKeys()) {
            Table target = names.referenced(t, f);
            if (target != null && target != t && !TableNames.plain(target, max)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<String> render(Operation operation, Schema before) {
        MariaDbNames names = new MariaDbNames(defaultSchema, before);
        MariaDbTableSql tables = new MariaDbTableSql(names, server);
        if (operation instanceof CreateTable op) {
            return List.of(tables.createTable(op.table()));
        } else if (operation instanceof DropTable op) {
            return List.of("drop table " + names.table(op.table()));
        } else if (operation instanceof RenameTable op) {
            return renameTable(names, op);
        } else if (operation instanceof AddColumn op) {
            // An identity column no key starts with yet gets auto_increment with its key (autoIncrementRestored)
            Table t = names.find(op.schema(), op.table());
            Column c = op.column().identity() && !leadsAKey(t, op.column().name(), true) ? withoutIdentity(op.column())
                    : op.column();
            return List.of(alterTable(names, op.schema(), op.table()) + " add column " + tables.columnDefinition(t, c));
        } else if (operation instanceof DropColumn op) {
            return List.of(alterTable(names, op.schema(), op.table()) + " drop column "
                    + MariaDbNames.column(op.column()));
        } else if (operation instanceof AlterColumn op) {
            Table t = names.find(op.schema(), op.table());
            Column to = op.to().identity() && !leadsAKey(t, op.to().name(), true) ? withoutIdentity(op.to()) : op.to();
            return List.of(alterTable(names, op.schema(), op.table()) + " modify column "
                    + tables.columnDefinition(t, to));
        } else if (operation instanceof RenameColumn op) {
            return renameColumn(names, op);
        } else if (operation instanceof AddPrimaryKey op) {
            Table t = names.find(op.schema(), op.table());
            return List.of(alterTable(names, op.schema(), op.table()) + " "
                    + MariaDbForeignKeyIndexes.droppedWhenAddingPrimaryKey(tables.declared(t), op.primaryKey()) + "add "
                    + tables.primaryKey(t, op.primaryKey()) + autoIncrementRestored(tables, t, op.primaryKey()));
        } else if (operation instanceof DropPrimaryKey op) {
            Table t = names.find(op.schema(), op.table());
            return List.of(alterTable(names, op.schema(), op.table()) + " " + autoIncrementDropped(tables, t)
                    + MariaDbForeignKeyIndexes.keptBeforeDroppingPrimaryKey(tables.declared(t)) + "drop primary key");
        } else if (operation instanceof AddUnique op) {
            Table t = names.find(op.schema(), op.table());
            return List.of(alterTable(names, op.schema(), op.table()) + " "
                    + MariaDbForeignKeyIndexes.droppedWhenAddingIndex(tables.declared(t), op.unique().columns())
                    + "add "
                    + tables.unique(t, op.unique()));
        } else if (operation instanceof DropUnique op) {
            return List.of(alterTable(names, op.schema(), op.table()) + " "
                    + MariaDbForeignKeyIndexes.keptBeforeDroppingIndex(
                    tables.declared(names.find(op.schema(), op.table())),
                    op.unique().name()) + "drop index " + MariaDbNames.plain(op.unique().name()));
        } else if (operation instanceof AddCheck op) {
            return addCheck(names, tables, op.schema(), op.table(), op.check());
        } else if (operation instanceof DropCheck op) {
            return dropCheck(names, tables, op.schema(), op.table(), op.check());
        } else if (operation instanceof AddForeignKey op) {
            Table t = names.find(op.schema(), op.table());
            return List.of(alterTable(names, op.schema(), op.table()) + " " + (t == null ? ""
                    : enumsFollowing(tables, t, MariaDbTableSql.withForeignKeys(t, with(t.foreignKeys(), op.foreignKey()))))
                    + "add " + tables.foreignKey(t, op.foreignKey()));
        } else if (operation instanceof DropForeignKey op) {
            Table t = names.find(op.schema(), op.table());
            String modified = t == null ? "" : enumsFollowing(tables, t, MariaDbTableSql.withForeignKeys(t,
                    t.foreignKeys().stream().filter(f -> !same(f, op.foreignKey())).toList()));
            return List.of(alterTable(names, op.schema(), op.table()) + " drop foreign key "
                    + MariaDbNames.plain(op.foreignKey().name())
                    + MariaDbForeignKeyIndexes.implicitIndexDropped(tables.declared(t),
                    tables.declared(t, op.foreignKey()), mysql)
                    + (modified.isEmpty() ? "" : ", " + modified.substring(0, modified.length() - 2)));
        } else if (operation instanceof CreateIndex op) {
            Table t = names.find(op.schema(), op.table());
            String dropped = MariaDbForeignKeyIndexes.droppedWhenAddingIndex(tables.declared(t), op.index().columns());
            return List.of(dropped.isEmpty() ? tables.createIndex(op.schema(), op.table(), t, op.index())
                    : alterTable(names, op.schema(), op.table()) + " " + dropped + "add "
                    + tables.index(t, op.index()));
        } else if (operation instanceof DropIndex op) {
            String kept = MariaDbForeignKeyIndexes.keptBeforeDroppingIndex(
                    tables.declared(names.find(op.schema(), op.table())),
                    op.index().name());
            return List.of(kept.isEmpty() ? "drop index " + MariaDbNames.plain(op.index().name()) + " on "
                    + names.table(op.schema(), op.table())
                    : alterTable(names, op.schema(), op.table()) + " " + kept + "drop index "
                    + MariaDbNames.plain(op.index().name()));
        } else if (operation instanceof CreateSequence op) {
            return MariaDbSequences.create(names.sequence(op.sequence()), op.sequence(), mysql);
        } else if (operation instanceof DropSequence op) {
            return MariaDbSequences.drop(names.sequence(op.sequence()), mysql);
        } else if (operation instanceof AlterSequence op) {
            return MariaDbSequences.alter(names.sequence(op.to()), op.from(), op.to(), mysql);
        } else if (operation instanceof Sql op) {
            return List.copyOf(Sql.statementsFor(op.upgrade(), name()));
        }
        throw new UnsupportedOperationException(product() + " cannot render " + operation.describe());
    }

    /**
     * {@code modify column c ... , } without {@code auto_increment} for the key's identity column, unless an index
     * starts with it too: MariaDB keeps an {@code auto_increment} column only as a key, so the key goes with it (the
     * migration then drops the column or makes it a plain one, as a key change away from an {@code IDENTITY} id
     * does); or empty.
     */
    private static String autoIncrementDropped(MariaDbTableSql tables, Table t) {
        StringBuilder sql = new StringBuilder();
        if (t == null || t.primaryKey() == null) {
            return "";
        }
        for (String name : t.primaryKey().columns()) {
            Column c = t.column(name);
            if (c != null && c.identity() && !leadsAKey(t, c.name(), false)) {
                sql.append("modify column ").append(tables.columnDefinition(t, withoutIdentity(c))).append(", ");
            }
        }
        return sql.toString();
    }

    /**
     * {@code , modify column c ... auto_increment} for an identity column the new primary key starts with, which was
     * no key before (so it has no {@code auto_increment} yet, see {@link #autoIncrementDropped}): the reverse of a key
     * change away from an {@code IDENTITY} id; or empty.
     */
    private static String autoIncrementRestored(MariaDbTableSql tables, Table t, PrimaryKey added) {
        if (t == null || added.columns().isEmpty()) {
            return "";
        }
        Column c = t.column(added.columns().get(0));
        return c != null && c.identity() && !leadsAKey(t, c.name(), true)
                ? ", modify column " + tables.columnDefinition(t, c) : "";
    }

    /**
     * Whether {@code column} is the first column of one of {@code t}'s indexes or unique constraints, or (when
     * {@code primaryKey}) of its primary key: what MariaDB needs of an {@code auto_increment} column.
     */
    private static boolean leadsAKey(Table t, String column, boolean primaryKey) {
        if (t == null) {
            return true; // unknown: as written
        }
        List<List<String>> keys = new ArrayList<>();
        if (primaryKey && t.primaryKey() != null) {
            keys.add(t.primaryKey().columns());
        }
        t.indexes().forEach(i -> keys.add(i.columns()));
        t.uniques().forEach(u -> keys.add(u.columns()));
        for (List<String> k : keys) {
            if (!k.isEmpty() && k.get(0).equalsIgnoreCase(column)) {
                return true;
            }
        }
        return false;
    }

    private static Column withoutIdentity(Column c) {
        return new Column(c.name(), c.type(), c.nullable(), false, c.defaultValue(), c.columnDefinition(), c.quoted(),
                c.renamedFrom(), c.backfill());
    }

    private static String alterTable(MariaDbNames names, String schema, String table) {
        return "alter table " + names.table(schema, table);
    }

    /**
     * {@code modify column c ..., } for each column of {@code t} whose native {@code enum} type differs in
     * {@code changed} (the same table with a foreign key more or less: a foreign key column has the {@code enum} type
     * of the column it references, see {@link MariaDbEnums}); or empty.
     */
    private static String enumsFollowing(MariaDbTableSql tables, Table t, Table changed) {
        if (t == null) {
            return "";
        }
        StringBuilder sql = new StringBuilder();
        for (Column c : t.columns()) {
            List<String> now = tables.enumValues(changed, c);
            if (!Objects.equals(tables.enumValues(t, c), now)) {
                sql.append("modify column ").append(tables.columnDefinition(c, now)).append(", ");
            }
        }
        return sql.toString();
    }

    private static boolean same(ForeignKey a, ForeignKey b) {
        return a.equals(b) || a.name() != null && a.name().equalsIgnoreCase(b.name());
    }

    private static List<ForeignKey> with(List<ForeignKey> keys, ForeignKey added) {
        List<ForeignKey> result = new ArrayList<>(keys);
        result.add(added);
        return result;
    }

    /** A STRING enum's check is the column's {@code enum} type: adding it changes the column's type. */
    private static List<String> addCheck(MariaDbNames names, MariaDbTableSql tables, String schema, String table,
                                         CheckConstraint check) {
        Retyped enumType = enumRetyping(names, tables, schema, table, check, true);
        if (enumType != null) {
            return enumType.statements();
        }
        return List.of(alterTable(names, schema, table) + " add " + tables.check(names.find(schema, table), check));
    }

    /** Dropping a STRING enum's check gives the column back its own type (a check is dropped by name). */
    private static List<String> dropCheck(MariaDbNames names, MariaDbTableSql tables, String schema, String table,
                                          CheckConstraint check) {
        Retyped enumType = enumRetyping(names, tables, schema, table, check, false);
        if (enumType != null) {
            return enumType.statements();
        }
        return List.of(alterTable(names, schema, table) + " drop constraint " + MariaDbNames.plain(check.name()));
    }

    /**
     * For a STRING enum's check ({@code added}, or dropped), the column's change of {@code enum} type, with the
     * statements of the columns that follow it; {@code null} for any other check.
     */
    private static Retyped enumRetyping(MariaDbNames names, MariaDbTableSql tables, String schema, String table,
                                        CheckConstraint check, boolean added) {
        Table t = names.find(schema, table);
        return MariaDbEnums.isEnum(t, check) ? retyped(names, tables, t, check.column(), added ? check.values() : null)
                : null;
    }

    /**
     * A column of {@code t} changing its native {@code enum} type ({@code values}, or {@code null} for its own type),
     * with the foreign key columns (of any table, {@code t} too) that reference it and so have its type: InnoDB
     * changes neither side under a foreign key, so those keys are dropped first (their indexes stay), every column
     * changes, and the keys are added back. Several statements, each committed at once: each has its inverse (a key
     * dropped is added back, a column changed gets its definition back, a key added is dropped), so that a run
     * stopped in their middle (a row holding a value the new type drops, a lock timeout) can be undone.
     */
    private static Retyped retyped(MariaDbNames names, MariaDbTableSql tables, Table t, String column,
                                   List<String> values) {
        Retyped keysDropped = new Retyped();
        Retyped columns = new Retyped();
        Retyped keysAdded = new Retyped();
        String own = alterTable(names, t.schema(), t.name()) + " modify column ";
        columns.add(own + tables.columnDefinition(t.column(column), values),
                own + tables.columnDefinition(t, t.column(column)));
        for (Table other : names.tables()) { // t too: a key of its own may reference the column
            for (ForeignKey f : other.foreignKeys()) {
                if (names.referenced(other, f) != t) {
                    continue;
                }
                for (int i = 0; i < f.referencedColumns().size() && i < f.columns().size(); i++) {
                    Column c = other.column(f.columns().get(i));
                    if (f.referencedColumns().get(i).equalsIgnoreCase(column) && MariaDbEnums.follows(other, c)) {
                        String alter = "alter table " + names.table(other) + " ";
                        String drop = alter + "drop foreign key " + MariaDbNames.plain(f.name());
                        String add = alter + "add " + tables.foreignKey(other, f);
                        keysDropped.add(drop, add);
                        columns.add(alter + "modify column " + tables.columnDefinition(c, values),
                                alter + "modify column " + tables.columnDefinition(other, c));
                        keysAdded.add(add, drop);
                    }
                }
            }
        }
        return keysDropped.then(columns).then(keysAdded);
    }

    /** Statements, each with the statement that undoes it alone. */
    private record Retyped(List<String> statements, List<List<String>> inverses) {

        Retyped() {
            this(new ArrayList<>(), new ArrayList<>());
        }

        void add(String statement, String inverse) {
            statements.add(statement);
            inverses.add(List.of(inverse));
        }

        Retyped then(Retyped next) {
            statements.addAll(next.statements);
            inverses.addAll(next.inverses);
            return this;
        }
    }

    @Override
    public List<List<String>> inverses(Operation operation, Schema before, Schema after) {
        MariaDbNames names = new MariaDbNames(defaultSchema, before);
        MariaDbTableSql tables = new MariaDbTableSql(names, server);
        Retyped enumType = operation instanceof AddCheck op
                ? enumRetyping(names, tables, op.schema(), op.table(), op.check(), true)
                : operation instanceof DropCheck op ? enumRetyping(names, tables, op.schema(), op.table(), op.check(),
                false) : null;
        return enumType == null ? null : List.copyOf(enumType.inverses());
    }

    /** {@code rename table}: the table stays in its database and keeps its quoting. */
    private static List<String> renameTable(MariaDbNames names, RenameTable op) {
        Table t = names.find(op.schema(), op.from());
        boolean quoted = t != null && t.quoted();
        return List.of("rename table " + names.qualified(op.schema(), op.from(), quoted) + " to "
                + names.qualified(op.schema(), op.to(), quoted));
    }

    /** {@code rename column} (MariaDB 10.5+, MySQL 8) keeps the type and everything else; the quoting stays too. */
    private static List<String> renameColumn(MariaDbNames names, RenameColumn op) {
        Table t = names.find(op.schema(), op.table());
        Column c = t == null ? null : t.column(op.from());
        boolean quoted = c != null && c.quoted();
        return List.of(alterTable(names, op.schema(), op.table()) + " rename column "
                + MariaDbIdentifiers.identifier(op.from(), quoted) + " to " + MariaDbIdentifiers.identifier(op.to(), quoted));
    }
}
