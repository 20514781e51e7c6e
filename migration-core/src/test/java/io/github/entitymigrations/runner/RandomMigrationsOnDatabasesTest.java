package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Mutations;
import io.github.entitymigrations.diff.RandomSchemas;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The differ's property test ({@code RandomSchemaDiffTest}) run on real databases: each seeded random schema
 * pair becomes two migrations, one creating the first schema and one changing it into the second (what the differ
 * writes, with its downgrade), and they are run up, down and up again. After every step the database holds
 * exactly what the migrations say, read back two ways: JDBC metadata against {@link ExpectedSchema} and the
 * runner's own {@code drift}. This reaches the combinations no hand-written case lists: several changes to one
 * table in one migration (on SQLite one rebuild), renames beside type changes, keys changed under foreign keys.
 * Deterministic; a failure names its seed and what was done to the schema.
 *
 * <p>A deeper run, outside {@code mvn verify}, takes other seeds and more of them:
 * {@code -Drandom.firstSeed=1001 -Drandom.pairs=400} (each database; {@code random.pairsWithRows} for the runs with
 * rows), with {@code -Dtest=RandomMigrationsOnDatabasesTest}.
 */
class RandomMigrationsOnDatabasesTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /**
     * Seed's pair on a fresh database of {@code kind}: the two schemas, what was done (for messages), the migrations'
     * runner, and what they replay to ({@code b} up to what the differ leaves alone, a primary key's name, which
     * RandomSchemaDiffTest checks).
     */
    private record Pair(Schema a, Schema b, String what, TestDatabase db, Migrator migrator, Schema created,
                        Schema changed) {
    }

    private Pair pair(Kind kind, long seed, String variant) throws Exception {
        RandomSchemas gen = new RandomSchemas(seed);
        Schema generated = gen.schema();
        Mutations mutations = new Mutations(gen);
        Schema b = realizable(mutations.mutate(generated), kind);
        Schema a = realizable(generated, kind);
        Path dir = Files.createDirectories(tmp.resolve("seed" + seed + variant.replace(' ', '-')));
        MigrationHistory h = MigrationHistory.createThenChange(dir.resolve("migrations"), a, b);
        TestDatabase db = TestDatabase.open(kind, PG, dir);
        return new Pair(a, b, "seed " + seed + variant + " (" + String.join(", ", mutations.log) + ")", db,
                db.migrator(h.chain()), h.schemaAt(1), h.schemaAt(2));
    }

    /** The databases' own words for a type pair they cannot convert at all, rows or not. */
    private static final Pattern NO_CAST = Pattern.compile("cannot cast type|Cannot cast '");

    /** Pairs per database: SQLite is a file, the servers drop and create a schema or database for each. */
    private static int pairs(Kind kind) {
        return Integer.getInteger("random.pairs", kind == Kind.SQLITE ? 150 : 60);
    }

    /** The first seed: 1 in {@code mvn verify}; another for a deeper run. */
    private static long firstSeed() {
        return Long.getLong("random.firstSeed", 1);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void randomChangesLeaveExactlyTheSchemaTheMigrationsDescribe(Kind kind) throws Exception {
        for (long seed = firstSeed(); seed < firstSeed() + pairs(kind); seed++) {
            Pair p = pair(kind, seed, "");
            TestDatabase db = p.db();
            Migrator migrator = p.migrator();
            try {
                migrator.upgrade("+1");
                LiveSchemaAssert.holds(db, migrator, p.created(), p.what() + ", created");
                try {
                    migrator.upgrade("head");
                } catch (MigrationException e) {
                    if (!NO_CAST.matcher(e.getMessage()).find()) {
                        throw e;
                    }
                    // A type pair the database has no conversion for (integer to timestamp on PostgreSQL, bigint to
                    // uuid on MariaDB), as documented: the change fails as a whole.
                    LiveSchemaAssert.holds(db, migrator, p.created(), p.what() + ", after a change with no cast");
                    continue;
                }
                LiveSchemaAssert.holds(db, migrator, p.changed(), p.what() + ", changed");
                migrator.downgrade("0001", true);
                LiveSchemaAssert.holds(db, migrator, p.created(), p.what() + ", changed back");
                migrator.upgrade("head");
                LiveSchemaAssert.holds(db, migrator, p.changed(), p.what() + ", changed again");
            } catch (RuntimeException e) {
                throw new AssertionError(p.what() + ": " + e.getMessage() + "\nupgrade: "
                        + SchemaDiff.diff(p.a(), p.b()).upgrade(), e);
            }
        }
    }

    /** Pairs run with a row in every table: PostgreSQL and SQLite, whose DDL is transactional. */
    private static int pairsWithRows(Kind kind) {
        return Integer.getInteger("random.pairsWithRows", kind == Kind.SQLITE ? 100 : 40);
    }

    /**
     * The same pairs with a row in every table the first migration creates: a change either keeps every row of every
     * table it keeps (renamed ones under their new name), down and up again, or fails as a whole, leaving the schema
     * and the rows as they were. Many changes cannot run on rows (a type that does not convert, a column made NOT
     * NULL with a null in it); those are the "as a whole" half.
     */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"POSTGRESQL", "SQLITE"})
    void randomChangesKeepEveryRowOrChangeNothing(Kind kind) throws Exception {
        int changedWithRows = 0;
        for (long seed = firstSeed(); seed < firstSeed() + pairsWithRows(kind); seed++) {
            Pair p = pair(kind, seed, " with rows");
            TestDatabase db = p.db();
            Migrator migrator = p.migrator();
            migrator.upgrade("+1");
            Map<String, Long> rows = Rows.insertOneEach(db, p.created());
            try {
                migrator.upgrade("head");
            } catch (MigrationException e) {
                LiveSchemaAssert.holds(db, migrator, p.created(), p.what() + ", after the failed change");
                assertEquals(rows, Rows.count(db, p.created()),
                        p.what() + ", rows after the failed change: " + e.getMessage());
                continue;
            }
            changedWithRows++;
            LiveSchemaAssert.holds(db, migrator, p.changed(), p.what() + ", changed");
            assertEquals(Rows.kept(rows, p.b()), Rows.count(db, p.changed()), p.what() + ", rows after the change");
            try {
                migrator.downgrade("0001", true);
            } catch (MigrationException e) {
                LiveSchemaAssert.holds(db, migrator, p.changed(), p.what() + ", after the failed change back");
                assertEquals(Rows.kept(rows, p.b()), Rows.count(db, p.changed()),
                        p.what() + ", rows after the failed change back: " + e.getMessage());
                continue;
            }
            LiveSchemaAssert.holds(db, migrator, p.created(), p.what() + ", changed back");
            Map<String, Long> back = new TreeMap<>(rows);
            back.replaceAll((table, count) -> droppedBy(table, p.b()) ? 0L : count); // back, but empty
            assertEquals(back, Rows.count(db, p.created()), p.what() + ", rows after the change back");
        }
        assertTrue(changedWithRows > pairsWithRows(kind) / 4, "only " + changedWithRows + " changes ran on rows");
    }

    /** Whether {@code table} has no successor in {@code to} (dropped, not renamed: {@code to} has the hints). */
    private static boolean droppedBy(String table, Schema to) {
        return to.tables().stream().noneMatch(t -> t.name().equalsIgnoreCase(table)
                || table.equalsIgnoreCase(t.renamedFrom()));
    }

    /**
     * The schema as the processor could write it and the database can hold; the generator makes anything the differ
     * takes. The same rules for both schemas of a pair, so their diff stays a real one:
     * <ul>
     *   <li>a check only on a column of a type it fits ({@code in ('A', 'B')} on a character column, {@code between}
     *       on a number), none on an identity column (MariaDB refuses one on {@code auto_increment}); on MariaDB no
     *       constant table check ({@code 1 = 1}: MariaDB drops a check naming no column whenever any column is
     *       dropped) and no {@code in} check on a foreign key column (the check makes it a native {@code enum} there,
     *       which the referenced column is not; a {@code @ManyToOne}'s column has no check, it takes the enum type of
     *       the column it references);</li>
     *   <li>primary key, index and unique constraint names unique in the schema (PostgreSQL and SQLite name indexes
     *       per schema; the generator only per table, and it keeps a renamed table's key name while a new table takes
     *       the old name, which the processor never writes);</li>
     *   <li>no unique constraint over exactly the primary key's columns (Hibernate leaves it out, and PostgreSQL and
     *       SQLite drop it from a {@code create table});</li>
     *   <li>identity only on a single-column integer primary key, and without a default (Hibernate's
     *       {@code IDENTITY} is on an {@code @Id}; SQLite can have no other);</li>
     *   <li>no default but of its column's type, and none outside its column's {@code in} check;</li>
     *   <li>no table without columns (the generator may drop a table's last one);</li>
     *   <li>no CLOB in a key or index (nobody indexes a {@code @Lob}; MariaDB cannot index a {@code longtext});</li>
     *   <li>foreign key columns of the types of the columns they reference, as Hibernate derives them.</li>
     * </ul>
     */
    private static Schema realizable(Schema s, Kind kind) {
        List<Table> unkeyedLobs = new ArrayList<>();
        for (Table t : s.tables()) {
            unkeyedLobs.add(withoutKeyedLobs(t));
        }
        s = new Schema(s.naming(), unkeyedLobs, s.sequences());
        List<Table> tables = new ArrayList<>();
        Set<String> indexNames = new HashSet<>();
        for (Table t : s.tables()) {
            t = withForeignKeyTypes(s, t);
            List<CheckConstraint> checks = new ArrayList<>();
            for (CheckConstraint c : t.checks()) {
                String type = c.column() == null ? null : t.column(c.column()).type().name();
                if (c.column() != null && identity(t, t.column(c.column()))) {
                    continue; // MariaDB takes no check on an auto_increment column
                }
                boolean fits = type == null ? !kind.isMariaDb() : c.values() != null && !c.values().isEmpty()
                        ? (type.equals("VARCHAR") || type.equals("CHAR"))
                        && !(kind.isMariaDb() && inForeignKey(t, c.column()))
                        : List.of("INTEGER", "BIGINT", "SMALLINT", "NUMERIC").contains(type);
                if (fits) {
                    checks.add(c);
                }
            }
            PrimaryKey pk = t.primaryKey();
            if (pk != null && !indexNames.add(pk.name().toLowerCase(Locale.ROOT))) {
                String name = "pk_" + t.name();
                for (int n = 2; !indexNames.add(name.toLowerCase(Locale.ROOT)); n++) {
                    name = "pk_" + t.name() + "_" + n;
                }
                pk = new PrimaryKey(name, pk.columns());
            }
            List<UniqueConstraint> uniques = new ArrayList<>();
            for (UniqueConstraint u : t.uniques()) {
                if ((t.primaryKey() == null || !lower(u.columns()).equals(lower(t.primaryKey().columns())))
                        && indexNames.add(u.name().toLowerCase(Locale.ROOT))) {
                    uniques.add(u);
                }
            }
            List<Index> indexes = new ArrayList<>();
            for (Index i : t.indexes()) {
                if (indexNames.add(i.name().toLowerCase(Locale.ROOT))) {
                    indexes.add(i);
                }
            }
            List<Column> columns = new ArrayList<>();
            for (Column c : t.columns()) {
                if (c.defaultValue() != null && !defaultFits(c)) {
                    c = new Column(c.name(), c.type(), c.nullable(), c.identity(), null, c.columnDefinition(),
                            c.quoted(), c.renamedFrom(), c.backfill());
                }
                for (CheckConstraint k : checks) {
                    if (c.defaultValue() != null && c.name().equalsIgnoreCase(k.column()) && k.values() != null
                            && !k.values().isEmpty() && !k.values().contains(c.defaultValue().replace("'", ""))) {
                        c = new Column(c.name(), c.type(), c.nullable(), c.identity(), null, c.columnDefinition(),
                                c.quoted(), c.renamedFrom(), c.backfill());
                    }
                }
                boolean identity = identity(t, c);
                columns.add(identity == c.identity() && (!identity || c.defaultValue() == null) ? c
                        : new Column(c.name(), c.type(), c.nullable(), identity,
                        identity ? null : c.defaultValue(), c.columnDefinition(), c.quoted(), c.renamedFrom(),
                        c.backfill()));
            }
            if (columns.isEmpty()) { // every entity has its id; a table of no columns is the generator's
                columns.add(new Column("id", ColumnType.of("BIGINT"), true, false, null, null, false, null));
            }
            tables.add(new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), columns,
                    pk, uniques, indexes, checks, t.foreignKeys()));
        }
        return new Schema(s.naming(), tables, s.sequences());
    }

    /**
     * The table with its CLOB columns that are in a key or index (the generator's; nobody indexes a {@code @Lob}, and
     * MariaDB indexes no {@code longtext}) made VARCHAR(255).
     */
    private static Table withoutKeyedLobs(Table t) {
        Set<String> keyed = new HashSet<>();
        if (t.primaryKey() != null) {
            keyed.addAll(lower(t.primaryKey().columns()));
        }
        t.uniques().forEach(u -> keyed.addAll(lower(u.columns())));
        t.indexes().forEach(i -> keyed.addAll(lower(i.columns())));
        t.foreignKeys().forEach(f -> keyed.addAll(lower(f.columns())));
        List<Column> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            boolean lob = c.type().name().equals("CLOB") && keyed.contains(c.name().toLowerCase(Locale.ROOT));
            columns.add(!lob ? c : new Column(c.name(), ColumnType.ofLength("VARCHAR", 255), c.nullable(),
                    c.identity(), c.defaultValue(), c.columnDefinition(), c.quoted(), c.renamedFrom(), c.backfill()));
        }
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), columns, t.primaryKey(),
                t.uniques(), t.indexes(), t.checks(), t.foreignKeys());
    }

    /**
     * The table with each foreign key's columns of the types of the columns they reference, as Hibernate derives them:
     * the generator changes a key column's type without its references, which no database takes.
     */
    private static Table withForeignKeyTypes(Schema s, Table t) {
        List<Column> columns = new ArrayList<>(t.columns());
        Set<String> done = new HashSet<>();
        for (ForeignKey f : t.foreignKeys()) {
            Table target = s.tables().stream().filter(x -> x.name().equalsIgnoreCase(f.referencedTable())).findFirst()
                    .orElseThrow();
            for (int i = 0; i < f.columns().size(); i++) {
                String name = f.columns().get(i);
                ColumnType type = target.column(f.referencedColumns().get(i)).type();
                for (int j = 0; j < columns.size(); j++) {
                    Column c = columns.get(j);
                    if (c.name().equalsIgnoreCase(name) && done.add(name.toLowerCase(Locale.ROOT))
                            && !c.type().equals(type)) {
                        columns.set(j, new Column(c.name(), type, c.nullable(), c.identity(), null,
                                c.columnDefinition(), c.quoted(), c.renamedFrom(), c.backfill()));
                    }
                }
            }
        }
        return new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), columns, t.primaryKey(),
                t.uniques(), t.indexes(), t.checks(), t.foreignKeys());
    }

    /** Whether the default is of the column's type (the generator keeps a default through a type change). */
    private static boolean defaultFits(Column c) {
        String d = c.defaultValue();
        return switch (c.type().name()) {
            case "VARCHAR", "CHAR" -> d.startsWith("'");
            case "BOOLEAN" -> d.equals("true") || d.equals("false");
            case "TIMESTAMP" -> d.equals("CURRENT_TIMESTAMP");
            case "INTEGER", "BIGINT", "SMALLINT", "NUMERIC" -> d.matches("\\d+");
            default -> false;
        };
    }

    /** Whether the column stays an identity column: a single-column integer primary key. */
    private static boolean identity(Table t, Column c) {
        return c.identity() && List.of("INTEGER", "BIGINT", "SMALLINT").contains(c.type().name())
                && t.primaryKey() != null && t.primaryKey().columns().size() == 1
                && t.primaryKey().columns().get(0).equalsIgnoreCase(c.name());
    }

    /** Whether a foreign key of {@code s} references that column of {@code t}. */
    private static boolean inForeignKey(Table t, String column) {
        for (ForeignKey f : t.foreignKeys()) {
            if (f.columns().stream().anyMatch(column::equalsIgnoreCase)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> lower(List<String> names) {
        Set<String> result = new HashSet<>();
        names.forEach(n -> result.add(n.toLowerCase(Locale.ROOT)));
        return result;
    }

}
