package io.github.entitymigrations.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.NamingStrategy;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Dialect#certainlyRenders} vouches only for what renders: validation skips rendering what it vouches for, so a
 * wrong {@code true} would let a step no database can run pass until it runs. Thousands of generated
 * {@code create_table}s, most ordinary, many with one thing a dialect refuses (an empty, overlong, NUL-holding or
 * non-ASCII name, a type without a mapping, identity beside a default or off the primary key, a structured check
 * without its column, a schema on SQLite, a foreign key pairing too few columns, a referenced table with a bad name),
 * each checked against rendering it with every dialect validation uses and two with a default schema.
 */
class CertainlyRendersTest {

    private static final List<Dialect> DIALECTS = List.of(new PostgresDialect(null), new PostgresDialect("app"),
            new SqliteDialect(), MariaDbDialect.mariadb(null), MariaDbDialect.mysql(null),
            MariaDbDialect.mariadb("app"));

    private static final String[] ODD_NAMES = {"", "a\0b", "caf\u00e9", "x".repeat(64), "y".repeat(65), "Mixed",
            "select", "with space", "q\"uote", "b`tick", "\u212Aelvin"};
    private static final String[] TYPES = {"BIGINT", "INTEGER", "VARCHAR", "BOOLEAN", "NUMERIC", "TIMESTAMP", "UUID",
            "DATE", "DOUBLE", "CLOB", "JSON", "BLOB", "ARRAY", "OTHER", "INTERVAL_SECOND", "GEOMETRY", "INET"};

    @Test
    void whatADialectVouchesForRendersAndOrdinaryTablesAreVouchedFor() {
        Random random = new Random(20261205L);
        Schema before = targets();
        int vouched = 0;
        int refused = 0;
        Map<String, Integer> refusedBy = new LinkedHashMap<>();
        for (int n = 0; n < 4000; n++) {
            boolean ordinary = n % 4 == 0;
            Table t = table(random, "t" + n, ordinary);
            CreateTable op = new CreateTable(t);
            Schema after;
            try {
                after = new SchemaState(before).apply(List.of(op)).toSchema();
            } catch (RuntimeException e) {
                continue; // does not even replay: validation reports that before rendering
            }
            for (Dialect d : DIALECTS) {
                boolean certain;
                try {
                    certain = d.certainlyRenders(op, before, after);
                } catch (RuntimeException e) {
                    certain = false; // as ChainValidation takes it
                }
                String failure = null;
                try {
                    d.render(op, before, after);
                } catch (RuntimeException e) {
                    failure = e.toString();
                }
                if (certain && failure != null) {
                    fail(d.name() + " vouched for a table it cannot render (" + failure + "): " + t);
                }
                if (ordinary && !certain) {
                    fail(d.name() + " did not vouch for an ordinary table" + (failure == null ? "" : " (" + failure
                            + ")") + ": " + t);
                }
                vouched += certain ? 1 : 0;
                if (failure != null) {
                    refused++;
                    refusedBy.merge(d.name(), 1, Integer::sum);
                }
            }
        }
        // The corpus must reach both sides for every dialect, or it proves nothing.
        assertTrue(vouched > 4000, "vouched " + vouched);
        assertTrue(refused > 1000, "refused " + refused);
        for (String name : List.of("postgresql", "sqlite", "mariadb", "mysql")) {
            assertTrue(refusedBy.getOrDefault(name, 0) > 50, name + " refused " + refusedBy.get(name));
        }
    }

    @Test
    void onlyCreateTableIsVouchedForAndEachRuleHoldsAlone() {
        Schema before = targets();
        Table ok = plain("t", column("id", "BIGINT", false), column("name", "VARCHAR", true));
        for (Dialect d : DIALECTS) {
            assertTrue(certain(d, new CreateTable(ok), before), d.name());
            assertFalse(d.certainlyRenders(new DropTable(ok), before, before), d.name());
        }
        // One refusal each, and which dialects it concerns: every other dialect still vouches.
        assertVouchedOnlyBy(before, plain("t", column("id", "GEOMETRY", false)), "postgresql", "mariadb", "mysql");
        assertVouchedOnlyBy(before, plain("t", column("id", "ARRAY", false)));
        assertVouchedOnlyBy(before, plain("t", new Column("id", ColumnType.of("BIGINT"), false, true, "1", null, false,
                null)), "sqlite"); // SQLite's rowid alias takes no default: it is left out
        assertVouchedOnlyBy(before, plain("t", column("id", "BIGINT", false), new Column("n", ColumnType.of("BIGINT"),
                false, true, null, null, false, null)), "postgresql", "mariadb", "mysql");
        assertVouchedOnlyBy(before, plain("t", column("x".repeat(65), "BIGINT", false)), "postgresql", "sqlite");
        assertVouchedOnlyBy(before, new Table("inventory", "t", false, null, List.of(),
                List.of(column("id", "BIGINT", false)), new PrimaryKey("pk_t", List.of("id")), List.of(), List.of(),
                List.of(), List.of()), "postgresql", "mariadb", "mysql");
        assertVouchedOnlyBy(before, withCheck(CheckConstraint.in("ck", null, List.of("A"))));
        assertVouchedOnlyBy(before, withForeignKey(new ForeignKey("fk", List.of("id"), null, "target",
                List.of("id", "code"), OnDelete.NO_ACTION)));
    }

    private static void assertVouchedOnlyBy(Schema before, Table t, String... names) {
        List<String> expected = List.of(names);
        for (Dialect d : DIALECTS) {
            boolean certain;
            try {
                certain = certain(d, new CreateTable(t), before);
            } catch (RuntimeException e) {
                certain = false;
            }
            assertEquals(expected.contains(d.name()), certain, d.name() + " on " + t);
        }
    }

    private static boolean certain(Dialect d, CreateTable op, Schema before) {
        return d.certainlyRenders(op, before, new SchemaState(before).apply(List.of(op)).toSchema());
    }

    private static Table plain(String name, Column... columns) {
        return new Table(null, name, false, null, List.of(), List.of(columns),
                new PrimaryKey("pk_" + name, List.of(columns[0].name())), List.of(), List.of(), List.of(), List.of());
    }

    private static Table withCheck(CheckConstraint check) {
        return new Table(null, "t", false, null, List.of(), List.of(column("id", "BIGINT", false)),
                new PrimaryKey("pk_t", List.of("id")), List.of(), List.of(), List.of(check), List.of());
    }

    private static Table withForeignKey(ForeignKey fk) {
        return new Table(null, "t", false, null, List.of(), List.of(column("id", "BIGINT", false)),
                new PrimaryKey("pk_t", List.of("id")), List.of(), List.of(), List.of(), List.of(fk));
    }

    private static Column column(String name, String type, boolean nullable) {
        return new Column(name, ColumnType.of(type), nullable, false, null, null, false, null);
    }

    /** Tables the generated ones reference: one plain, one whose name no MariaDB accepts, one with a composite key. */
    private static Schema targets() {
        Table target = new Table(null, "target", false, null, List.of(),
                List.of(column("id", "BIGINT", false), column("code", "VARCHAR", false)),
                new PrimaryKey("pk_target", List.of("id")), List.of(new UniqueConstraint("uk_target", List.of("id",
                "code"))), List.of(), List.of(), List.of());
        Table longName = new Table(null, "z".repeat(70), false, null, List.of(), List.of(column("id", "BIGINT", false)),
                new PrimaryKey("pk_long", List.of("id")), List.of(), List.of(), List.of(), List.of());
        return new Schema(NamingStrategy.JPA, List.of(target, longName), List.of());
    }

    /** A table: ordinary (every dialect renders it), or with a few odd parts drawn at random. */
    private static Table table(Random r, String name, boolean ordinary) {
        double odd = ordinary ? 0 : 0.08;
        String tableName = pick(r, odd, name);
        String schema = !ordinary && r.nextDouble() < 0.05 ? (r.nextBoolean() ? "inventory" : "main") : null;
        List<Column> columns = new ArrayList<>();
        int count = 1 + r.nextInt(6);
        for (int i = 0; i < count; i++) {
            String type = ordinary || r.nextDouble() > 0.15 ? TYPES[r.nextInt(11)] : TYPES[r.nextInt(TYPES.length)];
            boolean identity = i == 0 ? r.nextDouble() < 0.3 : !ordinary && r.nextDouble() < 0.05;
            String def = !ordinary && r.nextDouble() < 0.1 ? "0" : null;
            if (ordinary && identity) {
                type = "BIGINT";
            }
            String definition = r.nextDouble() < 0.05 ? "varchar(12)" : null;
            ColumnType t = type.equals("VARCHAR") ? ColumnType.ofLength(type, 40) : type.equals("NUMERIC")
                    ? ColumnType.numeric(type, 10, 2) : ColumnType.of(type);
            columns.add(new Column(i == 0 ? "id" : pick(r, odd, "c" + i), t, i != 0, identity, def, definition,
                    r.nextDouble() < 0.1, null));
        }
        List<String> names = columns.stream().map(Column::name).distinct().toList();
        PrimaryKey pk = ordinary || r.nextDouble() > 0.1 ? new PrimaryKey(pick(r, odd, "pk_" + name),
                names.subList(0, ordinary ? 1 : 1 + r.nextInt(names.size()))) : null;
        List<UniqueConstraint> uniques = r.nextDouble() < 0.3
                ? List.of(new UniqueConstraint(pick(r, odd, "uk_" + name), List.of(names.get(names.size() - 1))))
                : List.of();
        List<Index> indexes = r.nextDouble() < 0.4
                ? List.of(new Index(pick(r, odd, "ix_" + name), List.of(pick(r, odd, names.get(0))), r.nextBoolean()))
                : List.of();
        List<CheckConstraint> checks = new ArrayList<>();
        if (r.nextDouble() < 0.3) {
            String column = !ordinary && r.nextDouble() < 0.2 ? null : names.get(names.size() - 1);
            checks.add(switch (r.nextInt(3)) {
                case 0 -> CheckConstraint.in(pick(r, odd, "ck_" + name), column, List.of("A", "B'C"));
                case 1 -> CheckConstraint.between(pick(r, odd, "ck_" + name), column, 0, 3);
                default -> CheckConstraint.expression(pick(r, odd, "ck_" + name), null, "1 = 1");
            });
        }
        List<ForeignKey> fks = new ArrayList<>();
        if (r.nextDouble() < 0.5) {
            String target = ordinary ? "target" : switch (r.nextInt(5)) {
                case 0 -> "z".repeat(70);
                case 1 -> "missing";
                case 2 -> tableName;
                default -> "target";
            };
            boolean composite = r.nextDouble() < 0.3;
            List<String> referenced = composite ? List.of("code", "id") : List.of("id");
            List<String> own = composite && names.size() > 1 ? List.of(names.get(0), names.get(1))
                    : !ordinary && r.nextDouble() < 0.2 ? List.of(names.get(0), names.get(0)) : List.of(names.get(0));
            if (ordinary && own.size() != referenced.size()) {
                referenced = List.of("id");
                own = List.of(names.get(0));
            }
            String referencedSchema = !ordinary && r.nextDouble() < 0.05 ? "other" : null;
            fks.add(new ForeignKey(pick(r, odd, "fk_" + name), own, referencedSchema, target, referenced,
                    OnDelete.values()[r.nextInt(OnDelete.values().length)]));
        }
        return new Table(schema, tableName, !ordinary && r.nextDouble() < 0.05, null, List.of(), columns, pk, uniques,
                indexes, checks, fks);
    }

    private static String pick(Random r, double odd, String usual) {
        return r.nextDouble() < odd ? ODD_NAMES[r.nextInt(ODD_NAMES.length)] : usual;
    }
}
