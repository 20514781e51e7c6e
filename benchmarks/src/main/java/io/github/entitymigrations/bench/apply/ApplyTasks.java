package io.github.entitymigrations.bench.apply;

import io.github.entitymigrations.api.EntityMigrations;
import io.github.entitymigrations.migrations.Console;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.flywaydb.core.Flyway;

/**
 * The measured work of the apply and no-op benchmarks, one tool per task, each run in a fresh JVM by
 * {@link io.github.entitymigrations.bench.Child}. Every task takes {@code <jdbc url> <input>} and times
 * everything the tool does to bring the database to the newest migration (reading its migrations, its
 * bookkeeping, the statements); only raw JDBC gets its statements already read. The same tasks time the
 * no-op run on a database they migrated before.
 */
public final class ApplyTasks {

    /** Our engine in-process, through its library API: {@code <url> <migrations directory>}. */
    public static final String OURS = "apply-ours";
    /** Raw JDBC, the floor: {@code <url> <statements file>}. */
    public static final String JDBC = "apply-jdbc";
    /** Flyway: {@code <url> <directory of V files>}. */
    public static final String FLYWAY = "apply-flyway";
    /** Liquibase: {@code <url> <directory of changelog.sql>}. */
    public static final String LIQUIBASE = "apply-liquibase";
    /** Our engine on several databases in one JVM, by phase: {@code <migrations directory> <url>...}. */
    public static final String PROFILE_OURS = "apply-profile-ours";
    /** Raw JDBC on several databases in one JVM: {@code <statements file> <url>...}. */
    public static final String PROFILE_JDBC = "apply-profile-jdbc";

    /** JVM options that keep the other tools off the network (no analytics, no update checks). */
    public static final List<String> QUIET_JVM = List.of("-Dliquibase.analytics.enabled=false",
            "-Dliquibase.showBanner=false", "-Dflyway.reportEnabled=false");

    private static final Console QUIET = Console.SILENT;

    private ApplyTasks() {
    }

    public static double ours(List<String> args) {
        String url = args.get(0);
        Path directory = Path.of(args.get(1));
        long start = System.nanoTime();
        // As an application runs it at start-up (and as Flyway's task below runs Flyway's own API).
        EntityMigrations.configure()
                .url(url, null, null)
                .location("filesystem:" + directory)
                .console(QUIET)
                .load()
                .upgrade();
        return (System.nanoTime() - start) / 1e6;
    }

    public static double jdbc(List<String> args) throws Exception {
        String url = args.get(0);
        List<List<String>> migrations = Generator.Fixture.readStatements(Path.of(args.get(1)));
        long start = System.nanoTime();
        runStatements(url, migrations);
        return (System.nanoTime() - start) / 1e6;
    }

    /** Raw JDBC: each migration's statements, then a commit. */
    static void runStatements(String url, List<List<String>> migrations) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (List<String> statements : migrations) {
                for (String sql : statements) {
                    s.execute(sql);
                }
                c.commit();
            }
        }
    }

    public static double profileOurs(List<String> args) {
        return ApplyProfile.ours(args);
    }

    public static double profileJdbc(List<String> args) throws Exception {
        return ApplyProfile.jdbc(args);
    }

    public static double flyway(List<String> args) {
        String url = args.get(0);
        Path directory = Path.of(args.get(1));
        long start = System.nanoTime();
        Flyway.configure()
                .configuration(Map.of("flyway.reportEnabled", "false"))
                .dataSource(url, null, null)
                .locations("filesystem:" + directory)
                .load()
                .migrate();
        return (System.nanoTime() - start) / 1e6;
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is still the documented embedding API
    public static double liquibase(List<String> args) throws Exception {
        String url = args.get(0);
        Path directory = Path.of(args.get(1));
        System.setProperty("liquibase.analytics.enabled", "false");
        System.setProperty("liquibase.showBanner", "false");
        Logger.getLogger("").setLevel(Level.WARNING);
        Logger.getLogger("liquibase").setLevel(Level.WARNING);
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url)) {
            var database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            new Liquibase(Generator.Fixture.CHANGELOG, new DirectoryResourceAccessor(directory), database).update("");
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
