package io.github.entitymigrations.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.diff.Warning;
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
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.EveryOperation;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Index;
import io.github.entitymigrations.schema.OnDelete;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import io.github.entitymigrations.schema.UniqueConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The canonical JSON written without databind is databind's, byte for byte: it is what generate writes and what a
 * migration's recorded checksum is taken of, so one byte apart would make every applied migration look edited.
 */
class CanonicalJsonTest {

    private static void assertSame(Migration m, String what) {
        String expected = MigrationJson.mapperWrite(m);
        String written = CanonicalJson.write(m);
        assertNotNull(written, what + ": declined");
        assertEquals(expected, written, what);
    }

    @Test
    void everyMigrationFileOfTheRepository() throws IOException {
        int files = 0;
        for (Path f : Fixtures.repositoryMigrationFiles()) {
            Migration m;
            try {
                m = MigrationJson.mapper().readValue(Files.readString(f), Migration.class);
            } catch (IOException | RuntimeException e) {
                continue; // a deliberately broken file of a test
            }
            assertSame(m, f.toString());
            assertSame(m.withoutLint(), f + " without lint");
            files++;
        }
        assertTrue(files > 20, "found the repository's migration files: " + files);
    }

    @Test
    void everyKindOfStepAndItsReverse() {
        for (Operation op : EveryOperation.instances()) {
            assertSame(new Migration("0001", null, "one step", List.of(op), List.of(op.reverse()), List.of()),
                    op.describe());
        }
        assertSame(new Migration("0002", "0001", "all", EveryOperation.instances(), List.of(), List.of()), "all");
    }

    @Test
    void everyRecordInEveryForm() {
        List<Operation> ops = new ArrayList<>();
        MigrationJsonFormTest.records().forEach(s -> {
            Object r = s.record();
            if (r instanceof Column c) {
                ops.add(new AddColumn("sales", "orders", c));
                ops.add(new AlterColumn(null, "orders", c, new Column(c.name(), ColumnType.of("TEXT"), !c.nullable(),
                        false, null, null, c.quoted(), null)));
            } else if (r instanceof Table t) {
                ops.add(new CreateTable(t));
            } else if (r instanceof PrimaryKey p) {
                ops.add(new AddPrimaryKey(null, "orders", p));
            } else if (r instanceof UniqueConstraint u) {
                ops.add(new AddUnique(null, "orders", u));
            } else if (r instanceof Index i) {
                ops.add(new CreateIndex("sales", "orders", i, true));
                ops.add(new DropIndex(null, "orders", i, false));
            } else if (r instanceof CheckConstraint c) {
                ops.add(new AddCheck(null, "orders", c, true));
            } else if (r instanceof ForeignKey f) {
                ops.add(new AddForeignKey(null, "orders", f, true));
                ops.add(new AddForeignKey("sales", "orders", f, false));
            } else if (r instanceof Sequence q) {
                ops.add(new CreateSequence(q));
                ops.add(new AlterSequence(q, new Sequence(q.schema(), q.name(), 7, 3, q.quoted())));
            }
        });
        // The Java-side hints a snapshot's records carry (renames, backfills, sources), which a migration leaves out.
        Column hinted = new Column("phone", ColumnType.ofLength("VARCHAR", 20), false, false, null, null, false,
                "mobile", "'n/a'");
        ops.add(new AddColumn(null, "users", hinted));
        ops.add(new CreateTable(new Table(null, "people", false, "persons", List.of("com.example.Person"),
                List.of(hinted), null, List.of(), List.of(), List.of(), List.of())));
        for (Operation op : ops) {
            assertSame(new Migration("0001", null, "m", List.of(op), List.of(op.reverse()), List.of()), op.describe());
        }
    }

    /** Every optional value of the migration itself: parent, flags, lock timeout, warnings, lint. */
    @Test
    void everyValueOfTheMigration() {
        Operation op = new RenameColumn(null, "users", "mobile", "phone");
        List<Warning> warnings = new ArrayList<>();
        for (Warning.Kind kind : Warning.Kind.values()) {
            warnings.add(new Warning(warnings.size() + 1, kind, "look at \"this\" " + kind));
        }
        warnings.add(new Warning(0, Warning.Kind.values()[0], "step zero"));
        LintSection lint = new LintSection(List.of(new LintSection.Ignore("pg-add-index", 1, "small table"),
                new LintSection.Ignore("pg-set-not-null", null, "checked by hand")));
        for (boolean outside : new boolean[] {false, true}) {
            for (String timeout : new String[] {null, "5s", "500ms", "2min"}) {
                for (LintSection l : new LintSection[] {null, lint}) {
                    for (String parent : new String[] {null, "0007"}) {
                        Migration m = new Migration("0008", parent, "rename mobile", List.of(op),
                                List.of(op.reverse()), warnings, outside, timeout, l);
                        assertSame(m, outside + " " + timeout + " " + l + " " + parent);
                        assertSame(m.withoutLint(), "without lint");
                    }
                }
            }
        }
        assertSame(new Migration("0001", null, "empty", List.of(), List.of(), List.of()), "empty lists");
    }

    @Test
    void sqlStepsInEveryShape() {
        Map<String, List<String>> up = new LinkedHashMap<>();
        up.put("sqlite", List.of());
        up.put("*", List.of("update t set a = 'x\\ty'", "analyze t"));
        up.put("postgresql", List.of("select 1"));
        up.put("mariadb", List.of());
        List<Operation> steps = List.of(
                new Sql(up, Map.of("*", List.of()), false, List.of()),
                new Sql(up, null, true, List.of(new AddColumn(null, "t", MigrationJsonFormTest.FULL_COLUMN),
                        new RenameTable("s", "a", "b"), new Sql(Map.of("*", List.of("x")), null, true, List.of()))),
                new Sql(Map.of("*", List.of("")), Map.of("mysql", List.of("y", "z")), false, null));
        for (Operation op : steps) {
            assertSame(new Migration("0001", null, "sql", List.of(op), List.of(), List.of()), op.describe());
        }
    }

    /** Strings with everything Jackson escapes, and what it does not: quotes, backslashes, controls, non-ASCII. */
    @Test
    void stringsWithEveryKindOfCharacter() {
        Random random = new Random(20261204);
        String special = "\"\\/\b\f\n\r\t\u0000\u0001\u001f\u007f\u0080\u00e9\u2028\u2029\ufffd\uD83D\uDE00 <>&'";
        for (int i = 0; i < 500; i++) {
            StringBuilder s = new StringBuilder("x");
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                s.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x80) : special.charAt(random.nextInt(
                        special.length())));
            }
            String text = s.toString();
            Column c = new Column("c" + text, ColumnType.ofLength("VARCHAR", 10), true, false, "'" + text + "'", text,
                    false, null);
            Table t = new Table(null, "t" + text, false, null, List.of(), List.of(c), new PrimaryKey("pk" + text,
                    List.of(c.name())), List.of(), List.of(), List.of(CheckConstraint.expression("ck", null, text)),
                    List.of(new ForeignKey("fk" + text, List.of(c.name()), null, "r" + text, List.of("id"),
                            OnDelete.CASCADE)));
            List<Operation> up = List.of(new CreateTable(t), new Sql(Map.of("*", List.of(text)), null, true,
                    List.of()));
            assertSame(new Migration("0001", null, "m" + text, up, List.of(), List.of(new Warning(1,
                    Warning.Kind.values()[0], text))), "string " + i);
        }
    }

}
