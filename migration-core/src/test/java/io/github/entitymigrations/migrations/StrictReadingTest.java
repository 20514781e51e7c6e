package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.writeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading is strict: no trailing content, no nulls, no coercion between JSON types, no unknown keys, no
 * duplicate keys, no look-alike file names, strict UTF-8, bounded size and depth. Each problem names the file,
 * the key and the line and column, both on the full read ({@code check}, {@code generate}) and on the
 * header-first read of the database goals.
 */
class StrictReadingTest {

    @TempDir
    Path dir;

    /** A valid first migration: a table with a sequence, a sql step and a warning. */
    static final String VALID = """
            {
              "id" : "0001",
              "message" : "create users",
              "upgrade" : [ {
                "op" : "create_table",
                "table" : {
                  "columns" : [ {
                    "name" : "id",
                    "nullable" : false,
                    "type" : "BIGINT"
                  }, {
                    "name" : "email",
                    "nullable" : true,
                    "type" : "VARCHAR(255)"
                  } ],
                  "name" : "users",
                  "primaryKey" : {
                    "columns" : [ "id" ],
                    "name" : "pk_users"
                  }
                }
              }, {
                "op" : "create_sequence",
                "sequence" : {
                  "increment" : 50,
                  "name" : "users_seq",
                  "start" : 1
                }
              }, {
                "op" : "sql",
                "irreversible" : true,
                "upgrade" : {
                  "*" : [ "insert into users (id) values (1)" ]
                }
              } ],
              "downgrade" : [ ],
              "warnings" : [ {
                "kind" : "data",
                "message" : "check it",
                "step" : 3
              } ]
            }
            """;

    private List<String> problems(String text) {
        writeText(dir.resolve("0001_create_users.json"), text);
        return MigrationReader.read(dir).problems();
    }

    /** The problem of the one file, which must also stop the database goals' lazy read. */
    private String problem(String text) {
        List<String> problems = problems(text);
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0);
        assertTrue(problem.startsWith("0001_create_users.json"), problem);
        assertFalse(problem.contains("Exception") || problem.contains("io.github") || problem.contains("java."),
                problem);
        MigrationException lazy = assertThrows(MigrationException.class,
                () -> MigrationChain.loadForRunner(dir).migrations().forEach(MigrationFile::migration));
        assertTrue(lazy.getMessage().contains(problem), lazy.getMessage());
        return problem;
    }

    @Test
    void theValidFileReads() {
        assertEquals(List.of(), problems(VALID));
    }

    @Test
    void aSecondObjectAfterTheFirstIsRefusedNotIgnored() {
        String p = problem(VALID + VALID.replace("create users", "again"));
        assertTrue(p.contains("more JSON after the migration's object (line 43, column 1)"), p);
    }

    @Test
    void trailingGarbageIsRefused() {
        String p = problem(VALID + "x");
        assertTrue(p.contains("line 43, column 1"), p);
    }

    @Test
    void aTrailingValueAfterAGoodHeaderIsRefusedByTheLazyReadToo() {
        String p = problem("{ \"id\" : \"0001\", \"message\" : \"m\", \"upgrade\" : [ ], \"downgrade\" : [ ] } [ ]");
        assertTrue(p.contains("more JSON after the migration's object"), p);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"name\" : \"email\"         | \"name\" : null                                   | upgrade[0].table.columns[1].name",
        "\"name\" : \"users\"         | \"name\" : null                                   | upgrade[0].table.name",
        "\"columns\" : [ \"id\" ]     | \"columns\" : [ null ]                            | upgrade[0].table.primaryKey.columns[0]",
        "\"*\" : [ \"insert         | \"*\" : [ null, \"insert                         | upgrade[2].upgrade.*[0]",
        "\"message\" : \"create users\" | \"message\" : null                              | message",
        "\"id\" : \"0001\",           | \"id\" : \"0001\", \"parent\" : null,             | parent",
    })
    void aNullIsRefusedNamingTheKey(String from, String to, String key) {
        String p = problem(VALID.replace(from.strip(), to.strip()));
        assertTrue(p.contains(key), p);
        assertTrue(p.contains("null"), p);
        assertTrue(p.matches("(?s).*line \\d+, column \\d+.*"), p);
    }

    @Test
    void aNullUpgradeIsRefused() {
        String p = problem("{ \"id\" : \"0001\", \"message\" : \"m\", \"upgrade\" : null, \"downgrade\" : [ ] }");
        assertTrue(p.contains(": upgrade is null (line 1, column 47); give it a value, or leave the key out where it is optional"), p);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"start\" : 1                | \"start\" : 1.9                  | upgrade[1].sequence.start      | a whole number",
        "\"start\" : 1                | \"start\" : \"1\"                | upgrade[1].sequence.start      | a whole number",
        "\"nullable\" : true          | \"nullable\" : 1                 | upgrade[0].table.columns[1].nullable | true or false",
        "\"nullable\" : true          | \"nullable\" : \"true\"          | upgrade[0].table.columns[1].nullable | true or false",
        "\"irreversible\" : true      | \"irreversible\" : \"true\"      | upgrade[2].irreversible        | true or false",
        "\"message\" : \"create users\" | \"message\" : 5                | message                        | a string",
        "\"message\" : \"create users\" | \"message\" : false            | message                        | a string",
        "[ \"insert into users (id) values (1)\" ] | [ 42 ]            | upgrade[2].upgrade.*[0]        | a string",
        "\"type\" : \"BIGINT\"        | \"type\" : 5                     | upgrade[0].table.columns[0].type | a type string",
        "\"columns\" : [ \"id\" ]     | \"columns\" : \"id\"             | upgrade[0].table.primaryKey.columns | a list",
        "\"downgrade\" : [ ]          | \"downgrade\" : { }              | downgrade                      | a list",
        "\"downgrade\" : [ ]          | \"downgrade\" : \"\"             | downgrade                      | a list",
        "\"step\" : 3                 | \"step\" : 3.0                   | warnings[0].step               | a whole number",
        "\"name\" : \"users\"         | \"name\" : [ \"users\" ]         | upgrade[0].table.name          | a string",
        "\"increment\" : 50           | \"increment\" : 99999999999999999999 | upgrade[1].sequence.increment | whole number",
    })
    void noCoercionBetweenJsonTypes(String from, String to, String key, String expected) {
        String p = problem(VALID.replace(from.strip(), to.strip()));
        assertTrue(p.contains(key), p);
        assertTrue(p.contains(expected), p);
        assertTrue(p.matches("(?s).*line \\d+, column \\d+.*"), p);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"message\" : \"create users\",          | parnet",
        "\"op\" : \"create_table\",               | tabel",
        "\"name\" : \"email\",                    | nulable",
        "\"name\" : \"users\",                    | colums",
        "\"name\" : \"users_seq\",                | strat",
        "\"op\" : \"sql\",                        | upgarde",
        "\"kind\" : \"data\",                     | stpe",
        "\"name\" : \"pk_users\"                  | cols",
    })
    void anUnknownKeyIsNamedAtEveryLevel(String after, String key) {
        String anchor = after.strip();
        String insert = anchor.endsWith(",") ? anchor + " \"" + key + "\" : 1," : anchor + ", \"" + key + "\" : 1";
        String p = problem(VALID.replace(anchor, insert));
        assertTrue(p.contains("unknown property \"" + key + "\""), p);
        assertFalse(p.contains("needs"), p);
    }

    @Test
    void aMisspelledSqlKeyIsReportedAsSuchNotAsAMissingUpgrade() {
        String p = problem(VALID.replace("\"upgrade\" : {", "\"upgarde\" : {"));
        assertTrue(p.contains("unknown property \"upgarde\" (at upgrade[2].upgarde, in the object at line 35"), p);
    }

    @Test
    void aDuplicateKeyIsRefused() {
        String p = problem(VALID.replace("\"start\" : 1", "\"start\" : 1, \"start\" : 2"));
        assertTrue(p.contains("\"start\""), p);
        assertTrue(p.contains("twice"), p);
    }

    /**
     * A top-level key given twice stops even the database goals' lazy read at once, whatever the value read last:
     * a header is all such a read looks at in a file whose steps it may never parse.
     */
    @Test
    void aTopLevelKeyGivenTwiceIsRefusedByTheLazyReadAtOnce() {
        for (String twice : List.of("\"id\" : \"0001\",\n  \"id\" : \"0001\",",
                "\"id\" : \"0001\",\n  \"message\" : \"other\",", "\"id\" : \"0001\",\n  \"downgrade\" : [ ],")) {
            writeText(dir.resolve("0001_create_users.json"), VALID.replace("\"id\" : \"0001\",", twice));
            List<String> problems = MigrationReader.read(dir, true).problems();
            assertEquals(1, problems.size(), twice + ": " + problems);
            assertTrue(problems.get(0).startsWith("0001_create_users.json") && problems.get(0).contains("twice"),
                    problems.get(0));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[ ]", "\"x\"", "42", "[ " + "{ } ]"})
    void aFileThatIsNotAnObjectIsRefused(String text) {
        String p = problem(text);
        assertTrue(p.contains("must hold one JSON object"), p);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0006_x.JSON", "0006-x.json", "6_x.json", "0006_x.json.orig", "0006_x.json.bak",
        "0006 x.json", "x.Json", "0006_x.json~"})
    void aLookAlikeFileNameIsAProblemNotIgnored(String name) {
        writeText(dir.resolve(name), VALID);
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(name + ": not a migration file name"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", ".DS_Store", ".gitkeep", ".0001_create_users.json.swp", "notes.txt"})
    void otherFilesAreIgnored(String name) {
        writeText(dir.resolve(name), "anything");
        assertEquals(List.of(), MigrationReader.read(dir).problems());
    }

    @Test
    void invalidUtf8NamesTheByteOffsetAndLine() throws IOException {
        byte[] good = VALID.getBytes(StandardCharsets.UTF_8);
        int at = VALID.indexOf("create users") + 3;
        good[at] = (byte) 0xC3;
        good[at + 1] = (byte) 0x28;
        Files.write(dir.resolve("0001_create_users.json"), good);
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(List.of("0001_create_users.json: is not valid UTF-8: byte 0xC3 at offset " + at
                + " (line 3) does not start a valid character; save the file as UTF-8"), problems);
        assertThrows(MigrationException.class, () -> MigrationChain.loadForRunner(dir));
    }

    /** Malformed sequences of every kind, put into a message: each refused at its first byte, as strictly as ever. */
    @ParameterizedTest
    @ValueSource(strings = {"80", "BF", "C0AF", "C1BF", "E080AF", "EDA080", "EDBFBF", "F08080AF", "F4908080", "F5",
        "FF", "C3", "E282", "F09F98"})
    void everyMalformedSequenceIsRefusedAtItsFirstByte(String hex) throws IOException {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        String before = VALID.substring(0, VALID.indexOf("create users"));
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = VALID.substring(before.length()).getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, file, 0, head.length);
        System.arraycopy(bad, 0, file, head.length, bad.length);
        System.arraycopy(tail, 0, file, head.length + bad.length, tail.length);
        Files.write(dir.resolve("0001_create_users.json"), file);
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("0001_create_users.json: is not valid UTF-8: byte 0x" + hex.substring(0, 2)
                + " at offset " + head.length + " (line 3)"), problems.get(0));
    }

    /** Valid text beyond ASCII, the replacement character itself included, is read as written, checksum and all. */
    @Test
    void validTextBeyondAsciiIsReadAsWritten() throws IOException {
        String text = VALID.replace("create users", "create users \u00e9\u20ac\uFFFD\uD83D\uDE00");
        Files.write(dir.resolve("0001_create_users.json"), text.getBytes(StandardCharsets.UTF_8));
        MigrationReader.Result read = MigrationReader.read(dir);
        assertEquals(List.of(), read.problems());
        MigrationFile f = read.files().get(0);
        assertEquals("create users \u00e9\u20ac\uFFFD\uD83D\uDE00", f.message());
        assertEquals(MigrationFile.sha256(text), f.contentChecksum());
    }

    /**
     * The checksum is taken when first asked for (a run applying every file never asks), but of the bytes read then:
     * a file changed on disk afterwards does not change it. Read lazily, the bytes are kept until then; parsed whole
     * from disk, they are read again then and taken only if they are the bytes read, else the checksum is unknown
     * ({@code null}: never that of other text than the one parsed).
     */
    @Test
    void theChecksumIsOfTheBytesReadThoughTakenLater() throws IOException {
        String text = VALID.replace("create users", "create users \u00e9\uD83D\uDE00");
        Path file = dir.resolve("0001_create_users.json");
        for (boolean lazy : new boolean[] {false, true}) {
            Files.write(file, text.getBytes(StandardCharsets.UTF_8));
            MigrationFile f = MigrationReader.read(dir, lazy).files().get(0);
            Files.writeString(file, VALID.replace("create users", "something else"));
            String expected = lazy ? MigrationFile.sha256(text) : null;
            assertEquals(expected, f.contentChecksum(), lazy ? "lazy" : "eager");
            assertEquals(expected, f.contentChecksum(), "asked again");
            assertEquals("create users \u00e9\uD83D\uDE00", f.migration().message());
        }
    }

    /** Parsed whole from disk: the checksum of the bytes read when the file still holds them, else none. */
    @Test
    void aFileParsedWholeIsReadAgainForItsChecksumOnlyIfUnchanged() throws IOException {
        String text = VALID.replace("create users", "create users \u00e9");
        Path file = dir.resolve("0001_create_users.json");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        assertEquals(MigrationFile.sha256(text), MigrationReader.read(dir).files().get(0).contentChecksum());
        // The same length, one character changed: still not the bytes read.
        MigrationFile edited = MigrationReader.read(dir).files().get(0);
        Files.write(file, text.replace("users \u00e9", "users \u00e8").getBytes(StandardCharsets.UTF_8));
        assertEquals(Files.size(file), text.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(null, edited.contentChecksum());
        // Removed.
        MigrationFile removed = MigrationReader.read(dir).files().get(0);
        Files.delete(file);
        assertEquals(null, removed.contentChecksum());
        assertEquals("create users \u00e8", removed.migration().message());
    }

    @Test
    void aByteOrderMarkIsRefusedClearly() {
        String p = problem("\uFEFF" + VALID);
        assertTrue(p.contains("byte-order mark"), p);
    }

    @Test
    void deeplyNestedInputGivesAClearErrorNotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String p = problem(VALID.replace("\"downgrade\" : [ ]", "\"downgrade\" : " + deep));
        assertTrue(p.contains("nested"), p);
        String p2 = problem("{ \"id\" : \"0001\", \"message\" : \"m\", \"x\" : " + deep + " }");
        assertTrue(p2.contains("nested"), p2);
    }

    @Test
    void aHugeStringGivesAClearError() {
        String huge = "x".repeat(17 * 1024 * 1024);
        String p = problem(VALID.replace("check it", huge));
        assertTrue(p.contains("string"), p);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedBeforeReading() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve("0001_create_users.json").toFile(), "rw")) {
            f.setLength(65L * 1024 * 1024);
        }
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("0001_create_users.json: is 65 MiB; a migration file may have at most "
                + "64 MiB"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000000000000001_x.json", "99999999999999999999_x.json", "0000000000000000001_x.json"})
    void anIdOfMoreThan18DigitsIsRefusedNamingTheFile(String name) {
        String id = name.substring(0, name.indexOf('_'));
        writeText(dir.resolve(name), VALID.replace("0001", id));
        List<String> problems = MigrationReader.read(dir).problems();
        assertEquals(List.of(name + ": its number " + id + " has " + id.length() + " digits; a migration id has 4 to "
                + "18 digits"), problems);
    }

    @Test
    void revisionAfterAHugeIdSaysWhatIsWrongInsteadOfFailingUnexpectedly() {
        writeText(dir.resolve("99999999999999999999_x.json"), VALID.replace("0001", "99999999999999999999"));
        Workspace w = new Workspace(dir, dir.resolve("none.json"), Console.SILENT);
        MigrationException e = assertThrows(MigrationException.class, () -> w.revision("next"));
        assertTrue(e.getMessage().contains("99999999999999999999_x.json: its number"), e.getMessage());
    }

    @Test
    void theLargestIdHasNoNextOne() {
        writeText(dir.resolve("999999999999999999_x.json"), VALID.replace("0001", "999999999999999999"));
        Workspace w = new Workspace(dir, dir.resolve("none.json"), Console.SILENT);
        MigrationException e = assertThrows(MigrationException.class, () -> w.revision("next"));
        assertTrue(e.getMessage().contains("999999999999999999 is the largest migration number"), e.getMessage());
    }
}
