package io.github.entitymigrations.migrations;

/**
 * How a message tells the user what to do next, in the words of the front end in use: the Maven plugin says
 * {@code mvn migration:downgrade -Dtarget=0003}, the library API {@code downgrade("0003")}, the Spring Boot
 * integration {@code entity-migrations.target=0003}. The engine composes its messages from these parts, so the
 * same refusal reads right wherever it is printed.
 *
 * <p>A front end selects its advice for the duration of a call with {@link #use()}
 * ({@code try (Advice.InUse ignored = Advice.MAVEN.use()) { ... }}); every message built on that thread
 * meanwhile, thrown or logged, uses it. Without one, messages use {@link #LIBRARY}: code that calls the engine
 * directly is library use, so Maven text cannot reach it by accident. (A thread-scoped choice instead of a
 * parameter: the advice then needs no plumbing through every class that builds a message.)
 */
public interface Advice {

    /** Prints exactly the Maven plugin's texts ({@code mvn migration:...}, {@code -Dmigration.*}, POM names). */
    Advice MAVEN = new MavenAdvice();

    /** Names the library facade's methods ({@code downgrade("0003")}, {@code .lockTimeout(...)}). */
    Advice LIBRARY = new LibraryAdvice();

    /** Names {@code entity-migrations.*} and {@code spring.datasource.*} properties, or the bean to call. */
    Advice SPRING_BOOT = new SpringBootAdvice();

    /** What the engine can tell the user to run. */
    enum Goal {
        UPGRADE, DOWNGRADE, STAMP, SQL,
        /** Build-time goals: they need the compiled entity snapshot or the source tree. */
        GENERATE, REVISION, CHECK, MERGE;

        /** The name as the Maven plugin spells it after {@code migration:}. */
        public String mavenName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Whether the library facade (and so the Spring Boot bean) has a method for it. */
        public boolean inLibrary() {
            return ordinal() <= SQL.ordinal();
        }
    }

    /** What the engine can tell the user to give or change. */
    enum Setting {
        /** Which migration to go to. */
        TARGET,
        /** Where a SQL script starts. */
        FROM,
        /** What a new migration does. */
        MESSAGE,
        /** Where the migration files are. */
        DIRECTORY,
        URL, SCHEMA, LOCK_TIMEOUT, ALLOW_DATA_LOSS,
        /** Record a stamp without comparing the database with the migrations' schema. */
        STAMP_UNVERIFIED
    }

    /** Clauses whose Maven wording is its own, kept whole so it stays exactly as the plugin always printed it. */
    enum Phrase {
        /** No URL was given: how to give one. */
        GIVE_URL,
        /** The URL setting, to check. */
        URL,
        /** The schema setting, to remove. */
        SCHEMA,
        /** Credentials written inside a URL: where to give them instead. */
        CREDENTIALS_OUT_OF_URL,
        /** A connection failed: the URL and credentials to check. */
        URL_AND_CREDENTIALS,
        /** What a lock timeout may be written as, after {@link Setting#LOCK_TIMEOUT}'s value. */
        LOCK_TIMEOUT_FORMAT,
        /** After fixing what stopped a run: run it again. */
        RUN_AGAIN,
        /** This tool, as opposed to another one writing to the database. */
        THIS_TOOL,
        /** Two branches of migrations: run the merge goal (Maven quotes it as code). */
        RUN_MERGE,
        /** The snapshot is missing: compile the entities first. */
        COMPILE_FIRST,
        /** The snapshot is unreadable: compile the entities from scratch. */
        RECOMPILE
    }

    /** A parameter of a goal to run: its setting and value. */
    record Parameter(Setting setting, String value) {
    }

    /** A goal to run, with its parameters: {@code mvn migration:downgrade -Dtarget=0003}. */
    String command(Goal goal, Parameter... parameters);

    /** One parameter of a goal, as given when running it: {@code -Dtarget=head}. */
    String parameter(Goal goal, Parameter parameter);

    /** A goal named in passing: {@code migration:merge}. */
    String goal(Goal goal);

    /** A setting to change to a value: {@code -Dmigration.allowDataLoss=true}. */
    String setting(Setting setting, String value);

    /** A clause with its own wording. */
    String phrase(Phrase phrase);

    /** The parameter {@code setting=value}. */
    static Parameter parameter(Setting setting, String value) {
        return new Parameter(setting, value);
    }

    /** The target parameter. */
    static Parameter target(String value) {
        return new Parameter(Setting.TARGET, value);
    }

    /** The advice of the front end in use on this thread: {@link #LIBRARY} unless one {@link #use() is in use}. */
    static Advice current() {
        return AdviceInUse.current();
    }

    /** Makes this the advice of messages built on this thread until the returned scope is closed. */
    default InUse use() {
        return AdviceInUse.use(this);
    }

    /** A scope during which one advice is in use; closing it restores the one before. */
    interface InUse extends AutoCloseable {
        @Override
        void close();
    }
}
