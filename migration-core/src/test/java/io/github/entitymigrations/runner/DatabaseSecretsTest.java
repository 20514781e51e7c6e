package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A connection that fails (or works) never prints a password: neither the one given apart nor one in the URL,
 * in the message or anywhere in its cause chain (what {@code mvn -e} prints), on PostgreSQL, SQLite, MariaDB and
 * MySQL (each connection failure with the advice that fits it).
 */
class DatabaseSecretsTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final String GIVEN = "Given-Pw-5e1a";
    private static final String IN_URL = "Url-Pw-77c0";

    @TempDir
    Path tmp;

    @Test
    void anUnknownPostgresDatabase() {
        String url = base("no_such_database_x") + "&password=" + IN_URL;
        String message = assertFailsWithoutSecrets(url, "does not exist");
        assertTrue(message.contains("password=***"), message);
    }

    @Test
    void aRefusedPostgresPort() {
        assertFailsWithoutSecrets("jdbc:postgresql://127.0.0.1:1/db?sslpassword=" + IN_URL + "&password=" + IN_URL,
                "refused");
    }

    /** The driver's message repeats the whole URL it could not parse. */
    @Test
    void aPostgresUrlTheDriverCannotParse() {
        assertFailsWithoutSecrets("jdbc:postgresql://127.0.0.1:notaport/db?password=" + IN_URL, "Cannot connect");
    }

    /** The driver cannot parse user info, and would log the password in a warning: refused before it runs. */
    @Test
    void credentialsBeforeThePostgresHost() {
        String message = assertFailsWithoutSecrets("jdbc:postgresql://bob:" + IN_URL + "@127.0.0.1:5432/db",
                "credentials before the host");
        assertTrue(message.contains("jdbc:postgresql://bob:***@127.0.0.1:5432/db"), message);
    }

    @Test
    void anSqliteFileThatCannotBeOpened() {
        String url = "jdbc:sqlite:" + tmp.resolve("missing-dir/app.db") + "?password=" + IN_URL;
        assertFailsWithoutSecrets(url, "Cannot open the SQLite database");
    }

    /** Trust authentication ignores the password: the connection works and is described masked. */
    @Test
    void aWorkingPostgresConnection() throws Exception {
        Database db = new Database(PG.jdbcUrl() + "&password=" + IN_URL, null, GIVEN, null);
        try (Connection c = db.connect()) {
            assertTrue(c.isValid(5));
        }
        assertFalse(db.describe().contains(IN_URL) || db.toString().contains(IN_URL), db.describe());
        assertFalse(db.toString().contains(GIVEN));
    }

    @Test
    void aWorkingSqliteConnection() throws Exception {
        Database db = new Database("jdbc:sqlite:" + tmp.resolve("app.db"), "bob", GIVEN, null);
        try (Connection c = db.connect()) {
            assertTrue(c.isValid(5));
        }
        assertEquals("jdbc:sqlite:" + tmp.resolve("app.db") + " as bob", db.describe());
        assertEquals("text with *** in it", db.scrub("text with " + GIVEN + " in it"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb:", "jdbc:mysql:"})
    void anUnknownMariaDbDatabase(String scheme) {
        // root has no password on the test server, so none is given here: the server would refuse it first.
        String url = mariaDb(scheme, "no_such_database_x");
        String message = assertThrows(MigrationException.class, () -> new Database(url, null, null, null)
                .connect().close()).getMessage();
        assertTrue(message.contains("Unknown database 'no_such_database_x'"), message);
        assertTrue(message.contains("The database named in the URL does not exist on that server: create it"),
                message);
    }

    /** root has no password on the test server: one given is wrong. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb:", "jdbc:mysql:"})
    void aWrongMariaDbPassword(String scheme) {
        String message = assertFailsWithoutSecrets(mariaDb(scheme, TestDatabase.mariaDb().databaseName())
                .replace("user=root", "user=" + "em_no_such_user"), "Access denied");
        assertTrue(message.contains("The server refused the user or its password: check"), message);
    }

    /** Error 1044: the login is right, the user has no rights on the URL's database. */
    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb:", "jdbc:mysql:"})
    void aMariaDbUserWithoutRightsOnTheDatabase(String scheme) throws Exception {
        String user = "em_no_rights_" + scheme.length();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabase.mariaDb().jdbcUrl());
             java.sql.Statement s = c.createStatement()) {
            s.execute("drop user if exists " + user + "@'%'");
            s.execute("create user " + user + "@'%' identified by '" + GIVEN + "'");
        }
        try {
            String url = mariaDb(scheme, TestDatabase.mariaDb().databaseName()).replace("user=root", "user=" + user);
            MigrationException e = assertThrows(MigrationException.class, () -> new Database(url, null, GIVEN, null)
                    .connect().close());
            assertTrue(e.getMessage().contains("Access denied"), e.getMessage());
            assertTrue(e.getMessage().contains("the user has no rights on the database named in the URL: grant them"),
                    e.getMessage());
            assertFalse(e.getMessage().contains(GIVEN), e.getMessage());
        } finally {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestDatabase.mariaDb().jdbcUrl());
                 java.sql.Statement s = c.createStatement()) {
                s.execute("drop user if exists " + user + "@'%'");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb:", "jdbc:mysql:"})
    void aRefusedMariaDbPort(String scheme) {
        String message = assertFailsWithoutSecrets(scheme + "//127.0.0.1:1/db?password=" + IN_URL, "Cannot connect");
        assertTrue(message.contains("No server answered at that address: check that MariaDB/MySQL is running"),
                message);
    }

    /** MariaDB Connector/J would take the user info for the host name: refused before it runs. */
    @Test
    void credentialsBeforeTheMariaDbHost() {
        String message = assertFailsWithoutSecrets("jdbc:mariadb://bob:" + IN_URL + "@127.0.0.1:3306/db",
                "credentials before the host");
        assertTrue(message.contains("jdbc:mariadb://bob:***@127.0.0.1:3306/db"), message);
    }

    /** MySQL Connector/J reads user info; the password stays out of the message all the same. */
    @Test
    void credentialsBeforeTheMysqlHost() {
        String message = assertFailsWithoutSecrets("jdbc:mysql://em_no_such_user:" + IN_URL + "@127.0.0.1:"
                + port() + "/db", "Access denied");
        assertTrue(message.contains("jdbc:mysql://em_no_such_user:***@127.0.0.1:"), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:mariadb:", "jdbc:mysql:"})
    void aWorkingMariaDbConnection(String scheme) throws Exception {
        Database db = new Database(mariaDb(scheme, TestDatabase.mariaDb().databaseName()), null, null, null);
        try (Connection c = db.connect()) {
            assertTrue(c.isValid(5));
        }
        assertEquals(scheme, db.describe().substring(0, scheme.length()));
    }

    private static String mariaDb(String scheme, String database) {
        String url = TestDatabase.mariaDb().jdbcUrl().replace("/" + TestDatabase.mariaDb().databaseName() + "?",
                "/" + database + "?");
        return scheme + url.substring("jdbc:mariadb:".length());
    }

    private static String port() {
        String url = TestDatabase.mariaDb().jdbcUrl();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//[^/:]+:(\\d+)/").matcher(url);
        return m.find() ? m.group(1) : "3306";
    }

    private static String base(String database) {
        return PG.jdbcUrl().replace("/" + PG.databaseName() + "?", "/" + database + "?");
    }

    private static String assertFailsWithoutSecrets(String url, String expected) {
        MigrationException e = assertThrows(MigrationException.class, () -> new Database(url, "bob", GIVEN, null)
                .connect().close());
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String secret : new String[] {GIVEN, IN_URL}) {
            assertFalse(trace.toString().contains(secret), "a password was printed:\n" + trace);
        }
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        return e.getMessage();
    }
}
