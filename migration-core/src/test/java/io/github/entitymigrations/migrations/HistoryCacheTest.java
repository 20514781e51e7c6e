package io.github.entitymigrations.migrations;

import static io.github.entitymigrations.migrations.Fixtures.BIGINT;
import static io.github.entitymigrations.migrations.Fixtures.column;
import static io.github.entitymigrations.migrations.Fixtures.id;
import static io.github.entitymigrations.migrations.Fixtures.migration;
import static io.github.entitymigrations.migrations.Fixtures.schema;
import static io.github.entitymigrations.migrations.Fixtures.snapshot;
import static io.github.entitymigrations.migrations.Fixtures.table;
import static io.github.entitymigrations.migrations.Fixtures.varchar;
import static io.github.entitymigrations.migrations.Fixtures.write;
import static io.github.entitymigrations.migrations.Fixtures.writeText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.schema.PrimaryKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validated-history cache of generate and check: resuming from it gives exactly the full validation, and it is
 * trusted for nothing but the same files, byte for byte, checked by the same engine build.
 */
class HistoryCacheTest {

    static final String ENGINE = "engine build 1";

    @TempDir
    Path project;
    Path dir;
    Path cacheFile;

    @BeforeEach
    void setUp() {
        dir = project.resolve("migrations");
        cacheFile = project.resolve("target").resolve("entity-migrations").resolve("validated-history");
    }

    private static Table inSchema(String schema, String name) {
        return new Table(schema, name, false, null, List.of(), List.of(id()), new PrimaryKey("pk_" + name,
                List.of("id")), List.of(), List.of(), List.of(), List.of());
    }

    /** Three migrations; the first and the third create a table in a schema, which SQLite cannot run. */
    private void threeMigrations() {
        write(dir, migration("0001", null, "create a", new CreateTable(inSchema("s", "a"))));
        write(dir, migration("0002", "0001", "create b", new CreateTable(table("b", id(),
                column("name", varchar(40), true)))));
        write(dir, migration("0003", "0002", "create c", new CreateTable(inSchema("s", "c")),
                new AddColumn(null, "b", column("size", BIGINT, true))));
    }

    private MigrationChain lazy() {
        return MigrationChain.loadForRunner(dir);
    }

    private HistoryCache cache() {
        return new HistoryCache(cacheFile, ENGINE);
    }

    /**
     * Leaves the cache vouching for the first {@code count} files (and for all of them but the last), as a run on
     * a history of those files leaves it.
     */
    private void cacheFirst(int count) throws IOException {
        Files.deleteIfExists(cacheFile);
        List<MigrationFile> files = MigrationChain.load(dir).migrations();
        ChainValidation.Result r = ChainValidation.of(MigrationChain.of(files.subList(0, count), List.of(),
                Set.of(), dir), cache());
        assertNotNull(r);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        assertEquals(count, new HistoryCache(cacheFile, ENGINE).read().map(e -> e.files().size()).orElse(0));
    }

    /** What validating the first {@code count} of {@code files} in full gives. */
    private ChainValidation.Result first(List<MigrationFile> files, int count) {
        return ChainValidation.of(MigrationChain.of(files.subList(0, count), List.of(), Set.of(), dir));
    }

    @Test
    void resumingAfterAnyPrefixGivesTheFullValidationNotesIncluded() throws IOException {
        threeMigrations();
        ChainValidation.Result full = ChainValidation.of(MigrationChain.load(dir));
        assertEquals(1, full.notes().size(), full.notes().toString());
        assertTrue(full.notes().get(0).startsWith("4 step(s) cannot run on sqlite"), full.notes().toString());
        List<MigrationFile> files = MigrationChain.load(dir).migrations();
        for (int k = 0; k <= 3; k++) {
            cacheFirst(k);
            assertEquals(full, ChainValidation.of(lazy(), cache()), "resumed after " + k + " file(s)");
            // The resumed run keeps the whole history, and the history without its newest file.
            HistoryCache.Entry kept = cache().read().orElseThrow();
            assertEquals(HistoryCache.validated(files), kept.files());
            assertEquals(full.schema(), kept.schema());
            HistoryCache.Entry withoutNewest = cache().longestPrefixOf(files.subList(0, 2)).orElseThrow();
            assertEquals(HistoryCache.validated(files.subList(0, 2)), withoutNewest.files());
            assertEquals(first(files, 2).schema(), withoutNewest.schema());
            assertEquals(first(files, 2).notes(), ChainValidation.of(MigrationChain.of(files.subList(0, 2), List.of(),
                    Set.of(), dir), cache()).notes(), "its tallies kept with it");
        }
    }

    /**
     * Names beyond ASCII take several bytes each in the file: each entry's length is in bytes, so the entry after one
     * holding such names is still found where it starts, and both read back (as the first line tells, they are
     * there to be read).
     */
    @Test
    void entriesWithNamesBeyondAsciiReadBack() throws IOException {
        write(dir, migration("0001", null, "create café", new CreateTable(table("café_größe", id(),
                column("name_名前", varchar(40), true)))));
        write(dir, migration("0002", "0001", "create 表", new CreateTable(table("表_ü", id(),
                column("naïve", varchar(10), true)))));
        ChainValidation.Result full = ChainValidation.of(MigrationChain.load(dir));
        List<MigrationFile> files = MigrationChain.load(dir).migrations();
        cacheFirst(2);
        String text = Files.readString(cacheFile);
        assertTrue(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > text.length(), "multi-byte text");
        assertEquals(full.schema(), cache().read().orElseThrow().schema());
        assertEquals(first(files, 1).schema(), cache().longestPrefixOf(files.subList(0, 1)).orElseThrow().schema());
        assertEquals(full, ChainValidation.of(lazy(), cache()));
        // The same file but one byte shorter is not trusted (the lengths no longer add up).
        byte[] bytes = Files.readAllBytes(cacheFile);
        Files.write(cacheFile, java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertTrue(cache().read().isEmpty());
    }

    @Test
    void anUnchangedHistoryIsNotValidatedAgain() throws IOException {
        threeMigrations();
        ChainValidation.Result full = ChainValidation.of(MigrationChain.load(dir));
        cacheFirst(3);
        // A planted whole-history entry is what comes back, so nothing was replayed: the kept one was used as is.
        plant(3);
        ChainValidation.Result r = ChainValidation.of(lazy(), cache());
        assertTrue(r.schema().tables().stream().anyMatch(t -> t.name().equals(PLANTED.name())));
        assertEquals(full.notes(), r.notes());
        assertEquals(full.errors(), r.errors());
        // The file is left as it was: nothing new was found.
        String before = Files.readString(cacheFile);
        ChainValidation.of(lazy(), cache());
        assertEquals(before, Files.readString(cacheFile));
    }

    @Test
    void keptHeadersAreTakenOnlyWhenTheyReadBackExactly() throws IOException {
        threeMigrations();
        cacheFirst(3);
        assertEquals(3, cache().knownFiles().size());
        String text = Files.readString(cacheFile);
        String header = text.substring(0, text.indexOf('\n'));
        assertTrue(header.contains("\"create b\""), header);
        // A header changed in the file (a parent or message that no file holds) is not trusted: nothing is.
        writeText(cacheFile, header.replace("\"create b\"", "\"create B\"") + text.substring(header.length()));
        assertTrue(cache().knownFiles().isEmpty());
        assertEquals("create b", MigrationChain.loadForRunner(dir, cache().knownFiles()).migrations().get(1).message());
        writeText(cacheFile, header.replace("\"0001\"", "\"0009\"") + text.substring(header.length()));
        assertTrue(cache().knownFiles().isEmpty());
        assertEquals(ChainValidation.of(MigrationChain.load(dir)), ChainValidation.of(lazy(), cache()));
    }

    @Test
    void aFileReadWithTheSameNameAndTextTakesItsHeaderFromTheCache() throws IOException {
        threeMigrations();
        List<MigrationFile> files = MigrationChain.load(dir).migrations();
        List<HistoryCache.Validated> validated = new ArrayList<>(HistoryCache.validated(files));
        HistoryCache.Validated second = validated.get(1);
        // A header that no file holds: seen only when the kept one is used instead of the file's.
        validated.set(1, new HistoryCache.Validated(second.name(), second.checksum(), second.id(), second.parent(),
                "kept \"message\" \u2028 \uD83D\uDE00 \u0001"));
        cache().write(new HistoryCache.Entry(validated, ChainValidation.of(MigrationChain.load(dir)).schema(),
                Map.of()));
        assertEquals("kept \"message\" \u2028 \uD83D\uDE00 \u0001", MigrationChain.loadForRunner(dir,
                cache().knownFiles()).migrations().get(1).message(), "read back exactly, and used");
        assertEquals("create a", MigrationChain.loadForRunner(dir, cache().knownFiles()).migrations().get(0)
                .message());
        // The same name with other text: the file's own header.
        Path file = files.get(1).path();
        Files.writeString(file, Files.readString(file).replace("\"message\"", " \"message\""));
        assertEquals("create b", MigrationChain.loadForRunner(dir, cache().knownFiles()).migrations().get(1)
                .message());
        // Other text of the same length (one letter changed): the file's own header too.
        Files.writeString(file, Files.readString(file).replace("create b", "create q"));
        assertEquals("create q", MigrationChain.loadForRunner(dir, cache().knownFiles()).migrations().get(1)
                .message());
        // Every file of the repository reads the same either way.
        for (Path history : new TreeSet<>(Fixtures.repositoryMigrationFiles().stream().map(Path::getParent).toList())) {
            MigrationChain chain;
            try {
                chain = MigrationChain.load(history);
            } catch (MigrationException e) {
                continue;
            }
            Path f = project.resolve("known-" + history.hashCode());
            new HistoryCache(f, ENGINE).write(new HistoryCache.Entry(HistoryCache.validated(chain.migrations()),
                    io.github.entitymigrations.operations.SchemaState.empty().toSchema(), Map.of()));
            List<MigrationFile> read = MigrationChain.loadForRunner(history, new HistoryCache(f, ENGINE).knownFiles())
                    .migrations();
            assertEquals(chain.migrations().size(), read.size(), history.toString());
            for (int i = 0; i < read.size(); i++) {
                MigrationFile a = chain.migrations().get(i);
                MigrationFile b = read.get(i);
                assertEquals(
                        List.of(a.fileName(), a.id(), String.valueOf(a.parent()), a.message(), a.contentChecksum()),
                        List.of(b.fileName(), b.id(), String.valueOf(b.parent()), b.message(), b.contentChecksum()));
                assertEquals(a.migration(), b.migration());
            }
        }
    }

    /**
     * A file parsed whole keeps no bytes; edited before the kept history is written, it is kept under no checksum of
     * its new text, so the next run validates it again instead of taking the new text as validated.
     */
    @Test
    void aFileEditedAfterItWasParsedIsNotKeptAsValidated() throws IOException {
        threeMigrations();
        List<MigrationFile> files = MigrationChain.load(dir).migrations();
        Path second = files.get(1).path();
        Files.writeString(second, Files.readString(second).replace("create b", "create b, edited"));
        ChainValidation.Result r = ChainValidation.of(MigrationChain.of(files, List.of(), Set.of(), dir), cache());
        assertNotNull(r);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        List<MigrationFile> now = MigrationChain.loadForRunner(dir, cache().knownFiles()).migrations();
        assertEquals("create b, edited", now.get(1).message(), "the file's own header, not the kept one");
        assertTrue(cache().longestPrefixOf(now).isEmpty(), "no entry vouches for the edited file");
        assertEquals(ChainValidation.of(MigrationChain.load(dir)), ChainValidation.of(MigrationChain.loadForRunner(dir,
                cache().knownFiles()), cache()));
    }

    @Test
    void everyHistoryOfTheRepositoryResumesToItsFullValidation() throws IOException {
        int histories = 0;
        for (Path history : new TreeSet<>(Fixtures.repositoryMigrationFiles().stream().map(Path::getParent).toList())) {
            MigrationChain chain;
            try {
                chain = MigrationChain.load(history);
            } catch (MigrationException e) {
                continue; // a deliberately broken history of a test
            }
            ChainValidation.Result full = ChainValidation.of(chain);
            if (!full.errors().isEmpty()) {
                continue;
            }
            histories++;
            int n = chain.migrations().size();
            for (int k : new TreeSet<>(List.of(0, 1, n / 2, Math.max(0, n - 1), n))) {
                Path file = project.resolve("cache-" + histories + "-" + k);
                // A run on the first k files keeps them.
                ChainValidation.of(MigrationChain.of(chain.migrations().subList(0, k), List.of(), Set.of(), history),
                        new HistoryCache(file, ENGINE));
                assertEquals(k, new HistoryCache(file, ENGINE).read().map(e -> e.files().size()).orElse(0),
                        history + ": kept");
                HistoryCache cache = new HistoryCache(file, ENGINE);
                assertEquals(full, ChainValidation.of(MigrationChain.loadForRunner(history, cache.knownFiles()),
                        cache), history + " resumed after " + k + " file(s)");
                assertEquals(n, new HistoryCache(file, ENGINE).read().map(e -> e.files().size()).orElse(0),
                        history + ": kept after the resumed run");
            }
        }
        assertTrue(histories > 10, "found the repository's histories: " + histories);
    }

    /** A table no migration creates: seen in a result only when the planted entry was trusted. */
    private static final Table PLANTED = table("planted_by_the_test", id());

    /** Plants an entry for the first two files whose schema holds {@link #PLANTED} besides the real one. */
    private void plant() {
        plant(2);
    }

    /**
     * Plants an entry for the first {@code count} files whose schema holds {@link #PLANTED} besides the real one (its
     * tallies the real ones).
     */
    private void plant(int count) {
        List<MigrationFile> files = MigrationChain.load(dir).migrations().subList(0, count);
        HistoryCache real = new HistoryCache(project.resolve("real-" + count), ENGINE);
        ChainValidation.of(MigrationChain.of(files, List.of(), Set.of(), dir), real);
        HistoryCache.Entry entry = real.read().orElseThrow();
        List<Table> tables = new ArrayList<>(entry.schema().tables());
        tables.add(PLANTED);
        cache().write(new HistoryCache.Entry(entry.files(), new Schema(entry.schema().naming(), tables,
                entry.schema().sequences()), entry.unsupported()));
    }

    private boolean plantedTrusted(HistoryCache cache) {
        ChainValidation.Result r = ChainValidation.of(lazy(), cache);
        assertNotNull(r);
        assertTrue(r.errors().isEmpty(), r.errors().toString());
        return r.schema().tables().stream().anyMatch(t -> t.name().equals(PLANTED.name()));
    }

    @Test
    void anEntryIsTrustedForTheSameFilesAndEngineOnly() throws IOException {
        threeMigrations();
        plant();
        assertTrue(plantedTrusted(cache()), "the same files, the same engine: the entry is used");

        plant();
        assertFalse(plantedTrusted(new HistoryCache(cacheFile, "engine build 2")), "another engine build");

        plant();
        Path second = dir.resolve("0002_create_b.json");
        String text = Files.readString(second);
        Files.writeString(second, text.replace("\"message\"", " \"message\""));
        assertFalse(plantedTrusted(cache()), "a file changed, if only in spacing");
        Files.writeString(second, text);

        plant();
        Files.move(second, dir.resolve("0002_create_b_renamed.json"));
        assertFalse(plantedTrusted(cache()), "a file renamed");
        Files.move(dir.resolve("0002_create_b_renamed.json"), second);

        plant();
        assertTrue(plantedTrusted(cache()), "back as it was: trusted again");
    }

    @Test
    void anEntryForAnotherBeginningIsNotTrusted() throws IOException {
        threeMigrations();
        plant();
        // A migration inserted in front: the history no longer starts with the files validated.
        Files.delete(dir.resolve("0001_create_a.json"));
        write(dir, migration("0001", null, "create z", new CreateTable(table("z", id()))));
        write(dir, migration("0002", "0001", "create a", new CreateTable(inSchema("s", "a"))));
        Files.delete(dir.resolve("0002_create_b.json"));
        write(dir, migration("0003", "0002", "create b", new CreateTable(table("b", id(),
                column("name", varchar(40), true)))));
        write(dir, migration("0004", "0003", "create c", new CreateTable(inSchema("s", "c")),
                new AddColumn(null, "b", column("size", BIGINT, true))));
        Files.delete(dir.resolve("0003_create_c.json"));
        assertFalse(plantedTrusted(cache()));
    }

    /** Ways a cache file is found broken: each is ignored (a full validation), then written afresh. */
    /**
     * The cache file's text with {@code from} replaced by {@code to} in its header line, whose check is made again for
     * the new line (as {@link HistoryCache} ends it), so that only what was replaced tells it apart.
     */
    private static String rechecked(String text, String from, String to) {
        int end = text.indexOf('\n');
        String header = text.substring(0, end).replace(from, to);
        String head = header.substring(0, header.lastIndexOf(", \"check\""));
        byte[] bytes = head.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return head + ", \"check\" : \"" + OnDisk.check(bytes, bytes.length) + "\" }" + text.substring(end);
    }

    @Test
    void aBrokenOrForeignCacheFileIsIgnoredAndRewritten() throws IOException {
        threeMigrations();
        ChainValidation.Result full = ChainValidation.of(MigrationChain.load(dir));
        Schema firstTwo = ChainValidation.of(MigrationChain.of(MigrationChain.load(dir).migrations().subList(0, 2),
                List.of(), Set.of(), dir)).schema();
        List<Consumer<String>> breakages = new ArrayList<>();
        breakages.add(text -> writeText(cacheFile, text.substring(0, text.length() / 2))); // killed while written
        breakages.add(text -> writeText(cacheFile, text.substring(0, text.indexOf('\n'))));
        breakages.add(text -> writeText(cacheFile, ""));
        breakages.add(text -> writeText(cacheFile, "\u0000\u0001 not json\n{}"));
        breakages.add(text -> writeText(cacheFile, "[1, 2]\n" + text.substring(text.indexOf('\n') + 1)));
        breakages.add(text -> writeText(cacheFile, text.replace("planted_by_the_test", "planted_by_the_tesT")));
        breakages.add(text -> writeText(cacheFile, text.replace("\"format\" : " + HistoryCache.FORMAT,
                "\"format\" : " + (HistoryCache.FORMAT + 1))));
        // Another format, the header's check made again for it: the format alone refuses it.
        breakages.add(text -> writeText(cacheFile, rechecked(text, "\"format\" : " + HistoryCache.FORMAT,
                "\"format\" : " + (HistoryCache.FORMAT - 1))));
        // The header's check itself changed.
        breakages.add(text -> writeText(cacheFile, text.replaceFirst("\"check\" : \"[0-9a-f]", "\"check\" : \"g")));
        // A header line cut short of its check, the entries after it as they were.
        breakages.add(text -> writeText(cacheFile, text.substring(0, text.indexOf(", \"check\"")) + " }"
                + text.substring(text.indexOf('\n'))));
        breakages.add(text -> writeText(cacheFile, text + " ")); // longer than its entries say
        breakages.add(text -> writeText(cacheFile, text.replaceFirst("\"length\" ?: ?(\\d+)", "\"length\" : 99999999")));
        breakages.add(text -> writeText(cacheFile, text.replaceFirst("\"files\" ?: ?2,", "\"files\" : 7,")));
        breakages.add(text -> writeText(cacheFile, text.replace("\"files\"", "\"filez\"")));
        breakages.add(text -> writeText(cacheFile, "[".repeat(500_000) + "\n" + text.substring(text.indexOf('\n') + 1)));
        breakages.add(text -> {
            try {
                Files.delete(cacheFile);
                Files.createDirectories(cacheFile); // a directory where the file should be
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        plant();
        String planted = Files.readString(cacheFile);
        assertEquals(planted, rechecked(planted, "\"format\"", "\"format\""), "the test makes checks as the cache does");
        assertTrue(planted.contains("\"format\" : " + HistoryCache.FORMAT), planted);
        for (int i = 0; i < breakages.size(); i++) {
            if (Files.isDirectory(cacheFile)) {
                Files.delete(cacheFile);
            }
            plant();
            String text = Files.readString(cacheFile);
            assertTrue(text.contains("planted_by_the_test"));
            breakages.get(i).accept(text);
            assertEquals(full, ChainValidation.of(lazy(), cache()), "breakage " + i);
            if (!Files.isDirectory(cacheFile)) {
                assertEquals(full.schema(), cache().read().orElseThrow().schema(), "breakage " + i + " rewritten");
                assertEquals(firstTwo, cache().longestPrefixOf(MigrationChain.load(dir).migrations().subList(0, 2))
                        .orElseThrow().schema(), "breakage " + i + " rewritten");
            }
        }
    }

    @Test
    void anInvalidHistoryIsNotKept() {
        threeMigrations();
        // 0004 adds a column that 0003 already added: it does not fit; 0005 is fine.
        write(dir, migration("0004", "0003", "again", new AddColumn(null, "b", column("size", BIGINT, true))));
        write(dir, migration("0005", "0004", "create d", new CreateTable(table("d", id()))));
        ChainValidation.Result r = ChainValidation.of(lazy(), cache());
        assertFalse(r.errors().isEmpty());
        assertEquals(ChainValidation.of(MigrationChain.load(dir)), r);
        assertFalse(Files.exists(cacheFile));
    }

    @Test
    void noEngineBuildMeansNoCache() {
        threeMigrations();
        HistoryCache none = new HistoryCache(cacheFile, null);
        assertEquals(ChainValidation.of(MigrationChain.load(dir)), ChainValidation.of(lazy(), none));
        assertFalse(Files.exists(cacheFile));
        assertTrue(none.read().isEmpty());
    }

    @Test
    void writersAtOnceLeaveAWholeFile() throws Exception {
        threeMigrations();
        List<MigrationFile> files = MigrationChain.load(dir).migrations();
        List<HistoryCache.Entry> entries = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            MigrationChain prefix = MigrationChain.of(files.subList(0, k), List.of(), Set.of(), dir);
            entries.add(new HistoryCache.Entry(HistoryCache.validated(prefix.migrations()),
                    ChainValidation.of(prefix).schema(), Map.of()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                HistoryCache.Entry entry = entries.get(t);
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        new HistoryCache(cacheFile, ENGINE).write(entry);
                    }
                }));
            }
            work.add(pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    new HistoryCache(cacheFile, ENGINE).read().ifPresent(e -> {
                        assertEquals(entries.get(e.files().size() - 1), e, "a whole entry, as written");
                        seen.add("read " + e.files().size());
                    });
                }
            }));
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(entries.contains(cache().read().orElseThrow()));
        try (var left = Files.list(cacheFile.getParent())) {
            assertEquals(List.of("validated-history"), left.map(p -> p.getFileName().toString()).toList(),
                    "no temporary file left behind");
        }
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyGoesUnused() throws IOException {
        threeMigrations();
        Files.createDirectories(project.resolve("target"));
        Files.writeString(project.resolve("target").resolve("entity-migrations"), "a file, not a directory");
        ChainValidation.Result r = ChainValidation.of(lazy(), cache());
        assertEquals(ChainValidation.of(MigrationChain.load(dir)), r);
        assertTrue(new HistoryCache(cacheFile, ENGINE).read().isEmpty());
    }

    // Through Workspace: generate and check.

    private Workspace workspace(Path snapshot, boolean cached) {
        Workspace w = new Workspace(dir, snapshot, Console.SILENT);
        return cached ? w.withHistoryCache(cacheFile, ENGINE) : w;
    }

    @Test
    void generateWithTheCacheWritesWhatItWritesWithout() throws IOException {
        Path snapshot = project.resolve("schema.json");
        Path plainDir = project.resolve("plain");
        List<Schema> steps = List.of(
                schema(table("a", id())),
                schema(table("a", id()), table("b", id(), column("name", varchar(40), true))),
                schema(table("a", id(), column("size", BIGINT, true)), table("b", id(), column("name", varchar(40),
                        true))));
        for (Schema entities : steps) {
            snapshot(snapshot, entities);
            workspace(snapshot, true).generate("step");
            new Workspace(plainDir, snapshot, Console.SILENT).generate("step");
            assertEquals(Fixtures.contents(plainDir), Fixtures.contents(dir));
        }
        // The third generate read a history of two files and kept them.
        List<MigrationFile> files = MigrationChain.load(dir).migrations();
        assertEquals(HistoryCache.validated(files.subList(0, 2)), cache().read().orElseThrow().files());
        assertTrue(workspace(snapshot, true).check().isEmpty());
        HistoryCache.Entry kept = cache().read().orElseThrow();
        assertEquals(HistoryCache.validated(files), kept.files());
        assertEquals(first(files, 3).schema(), kept.schema());
        assertEquals(first(files, 2).schema(), cache().longestPrefixOf(files.subList(0, 2)).orElseThrow().schema());
        snapshot(snapshot, schema(table("a", id())));
        assertEquals(new Workspace(plainDir, snapshot, Console.SILENT).check(), workspace(snapshot, true).check());
        // The newest migration deleted and generated again, as while reviewing a change: the cache still applies.
        Files.delete(files.get(2).path());
        Files.delete(plainDir.resolve(files.get(2).fileName()));
        snapshot(snapshot, steps.get(2));
        workspace(snapshot, true).generate("step again");
        new Workspace(plainDir, snapshot, Console.SILENT).generate("step again");
        assertEquals(Fixtures.contents(plainDir), Fixtures.contents(dir));
    }

    /** Writes 0004 and 0005 after a cached history of three; generate must fail as it does without the cache. */
    private void brokenAfterTheCachedOnes(String fourth, String fifth) throws IOException {
        threeMigrations();
        cacheFirst(3);
        Path snapshot = snapshot(project.resolve("schema.json"), schema(table("b", id())));
        writeText(dir.resolve("0004_broken.json"), fourth);
        writeText(dir.resolve("0005_broken.json"), fifth);
        MigrationException without = assertThrows(MigrationException.class,
                () -> workspace(snapshot, false).generate("next"));
        MigrationException with = assertThrows(MigrationException.class,
                () -> workspace(snapshot, true).generate("next"));
        assertEquals(without.getMessage(), with.getMessage());
        assertTrue(with.getMessage().contains("0004_broken.json") && with.getMessage().contains("0005_broken.json"),
                with.getMessage());
    }

    @Test
    void aBrokenFileAfterTheCachedOnesIsReportedAsWithoutTheCache() throws IOException {
        brokenAfterTheCachedOnes("{ \"id\" : \"0004\", \"parent\" : \"0003\", \"message\" : \"x\", "
                + "\"upgrade\" : [ { \"op\" : \"drop_tabel\", \"table\" : \"b\" } ], \"downgrade\" : [ ] }",
                "{ \"id\" : \"0005\", \"parent\" : \"0004\", \"message\" : \"x\", "
                + "\"upgrade\" : [ { \"op\" : \"drop_table\", \"table\" : 7 } ], \"downgrade\" : [ ] }");
        assertNull(ChainValidation.of(lazy(), cache()), "a file to validate that cannot be parsed: read eagerly");
    }

    /** The lazy read refuses 0004 (its header) at once and would find 0005's step only when validating it. */
    @Test
    void aBrokenHeaderAndABrokenStepAreBothReportedAsWithoutTheCache() throws IOException {
        brokenAfterTheCachedOnes("{ \"id\" : 4, \"parent\" : \"0003\", \"message\" : \"x\", "
                + "\"upgrade\" : [ ], \"downgrade\" : [ ] }",
                "{ \"id\" : \"0005\", \"parent\" : \"0004\", \"message\" : \"x\", "
                + "\"upgrade\" : [ { \"op\" : \"drop_tabel\", \"table\" : \"b\" } ], \"downgrade\" : [ ] }");
    }
}
