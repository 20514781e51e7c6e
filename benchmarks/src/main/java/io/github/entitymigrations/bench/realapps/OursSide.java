package io.github.entitymigrations.bench.realapps;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.Workspace;
import io.github.entitymigrations.runner.Database;
import io.github.entitymigrations.runner.Migrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Our side: what {@code migration:generate} writes for the processor's snapshot, applied by
 * {@code migration:upgrade} to a fresh database (the plugin's own engine classes, in process), then
 * compared fact by fact with the schema Hibernate created for the same classes.
 */
final class OursSide {

    private OursSide() {
    }

    /**
     * Args: snapshot outDir pgDatabase sqliteFile. Prints one tab-separated line per database:
     * db, Hibernate's tables, our tables, lines only Hibernate has, lines only we have, and of those ours the foreign
     * keys and unique keys Hibernate's SQLite dialect never creates (-1 when a side failed), then drift's
     * differences on the database our migration built and, after an index added by hand, the
     * differences it then finds ({@code 0/1}; -1 when our upgrade or drift failed) and lint's findings
     * per rule from base (see {@link SafetyChecks}).
     */
    static void run(List<String> args) throws Exception {
        Path snapshot = Path.of(args.get(0));
        Path out = Path.of(args.get(1));
        Path migrations = out.resolve("migrations");
        if (Files.isDirectory(migrations)) {
            try (Stream<Path> old = Files.list(migrations)) {
                for (Path f : old.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(migrations);
        new Workspace(migrations, snapshot, Console.SILENT).generate("create schema");
        compare("postgresql", Databases.freshPostgres(args.get(2)), migrations, out);
        compare("sqlite", Databases.freshSqlite(Path.of(args.get(3))), migrations, out);
        compare("mariadb", Databases.freshMariaDb(args.get(2)), migrations, out);
        Databases.dropPostgres(args.get(2));
    }

    private static void compare(String db, String url, Path migrations, Path out) throws Exception {
        Path ours = out.resolve("ours-" + db + ".facts");
        Files.deleteIfExists(out.resolve("ours-" + db + ".error"));
        String drift = "-1";
        try {
            new Migrator(new Database(url, null, null, null), MigrationChain.loadForRunner(migrations), Console.SILENT)
                    .upgrade("head");
            Files.write(ours, SchemaFacts.read(url));
            drift = SafetyChecks.drift(db, url, migrations, out);
        } catch (Exception e) {
            Files.deleteIfExists(ours);
            Files.writeString(out.resolve("ours-" + db + ".error"), RealApps.stackTrace(e));
            System.err.println("realapps: our upgrade failed on " + db + ": " + e);
        }
        String safety = "\t" + drift + "\t" + SafetyChecks.lint(db, url, migrations, out);
        Path theirs = out.resolve("hibernate-" + db + ".facts");
        if (!Files.exists(ours) || !Files.exists(theirs)) {
            System.out.println(db + "\t-1\t-1\t-1\t-1\t-1" + safety);
            return;
        }
        List<String> hibernate = Files.readAllLines(theirs);
        List<String> mine = Files.readAllLines(ours);
        Set<String> onlyHibernate = new TreeSet<>(hibernate);
        mine.forEach(onlyHibernate::remove);
        Set<String> onlyOurs = new TreeSet<>(mine);
        hibernate.forEach(onlyOurs::remove);
        // One diff, ordered by the fact so a column's two versions sit together.
        TreeSet<String> lines = new TreeSet<>((a, b) -> {
            int c = a.substring(2).compareTo(b.substring(2));
            return c != 0 ? c : a.compareTo(b);
        });
        onlyHibernate.forEach(l -> lines.add("- " + l));
        onlyOurs.forEach(l -> lines.add("+ " + l));
        List<String> diff = new ArrayList<>();
        diff.add("# - only in Hibernate's create, + only in the schema our migration created (" + db + ")");
        diff.addAll(lines);
        Files.write(out.resolve("diff-" + db + ".txt"), diff);
        // Hibernate's SQLite dialect adds foreign keys and table-level unique keys with ALTER TABLE, which SQLite
        // lacks, so its script has neither (only inline single-column uniques): ours are then extra by
        // Hibernate's limit, counted apart.
        Path script = out.resolve("hibernate-sqlite.sql");
        boolean noAlter = db.equals("sqlite") && Files.exists(script)
                && !Files.readString(script).toLowerCase(java.util.Locale.ROOT).contains("alter table");
        long sqliteForeignKeys = noAlter
                ? onlyOurs.stream().filter(f -> f.startsWith("foreign key ") || f.startsWith("unique ")).count() : 0;
        System.out.println(db + "\t" + tables(hibernate) + "\t" + tables(mine) + "\t" + onlyHibernate.size() + "\t"
                + onlyOurs.size() + "\t" + sqliteForeignKeys + safety);
    }

    private static long tables(List<String> facts) {
        return facts.stream().filter(f -> f.startsWith("table ")).count();
    }
}
