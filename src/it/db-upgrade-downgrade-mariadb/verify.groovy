// The log: what ran, where the database is; the password never printed. Then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def lines = log.readLines()
    def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)
    String where = "${db.url} as ${db.user}"

    assert !log.contains(db.password) : 'the password was printed'

    // 2. upgrade from base.
    int up = info.indexOf('Upgrading from base to 0001: 1 migration(s)')
    assert up >= 0
    assert info[up + 1] ==~ /Applying 0001 create shop \(\d+ statement\(s\), step by step\)/
    assert info[up + 2] ==~ /  applied in \d+ ms/
    assert info[up + 3] ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0001 \(head\)\./

    // 4. upgrade to 0002, current, history.
    int second = info.indexOf('Upgrading from 0001 to 0002: 1 migration(s)')
    assert second > up
    assert info[second + 3] ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0002 \(head\)\./
    assert info.contains("Current migration of ${where}: 0002".toString())
    int history = info.indexOf("Migrations of ${where}:".toString())
    assert history > second
    assert info[history + 1] ==~ /  0001  applied .*  create shop/
    assert info[history + 2] ==~ /  0002  applied .*  add phone/
    assert info[history + 3] == '  current: 0002 (head)'

    // 5. down to base, newest first.
    int down = info.indexOf('Downgrading from 0002 to base: 2 migration(s)')
    assert down > history
    assert info[down + 1] ==~ /Reverting 0002 add phone \(\d+ statement\(s\), step by step\)/
    assert info[down + 3] ==~ /Reverting 0001 create shop \(\d+ statement\(s\), step by step\)/
    assert info[down + 5] ==~ /Reverted 2 migration\(s\) in \d+ ms; \Q${where}\E is now at base\./

    // 6. up again, connected as the server's user (the log names the user, never the password).
    int again = info.indexOf('Upgrading from base to 0002: 2 migration(s)')
    assert again > down
    assert info[again + 5] ==~ /Applied 2 migration\(s\) in \d+ ms; \Q${where}\E is now at 0002 \(head\)\./

    // 7. an unknown serverId.
    def error = lines.find { it.startsWith('[ERROR]') && it.contains('No <server> with <id>no-such-server</id> in settings.xml') }
    assert error != null : 'step 7 should fail naming the missing server'
    assert error.contains('add one with the database <username> and <password>')

    // 8. to 10. stamp: refused while the schema differs, recorded unverified, then verified at head; nothing run.
    assert lines.any { it.startsWith('[ERROR]') && it.contains("Refusing to stamp ${where} at 0001: its schema is not the one the migrations up to there produce".toString()) }
    assert info.any { it.startsWith("Stamped ${where} at 0001 without running anything") } : 'step 9 stamp'
    assert info.any { it.startsWith("Stamped ${where} at 0002 without running anything: 2 migration(s) recorded as applied.") } : 'step 10 stamp'
    assert info.count("Current migration of ${where}: 0002".toString()) == 2

    // 11. and 12. The offline scripts: made without a server (port 1), each in its own flavour.
    File mariadbFile = new File(basedir, 'target/sql/mariadb.sql')
    File mysqlFile = new File(basedir, 'target/sql/mysql.sql')
    assert log.contains('Wrote ' + mariadbFile.path) && log.contains('Wrote ' + mysqlFile.path)
    String mariadbSql = mariadbFile.getText('UTF-8')
    String mysqlSql = mysqlFile.getText('UTF-8')
    assert mariadbSql.startsWith('-- Entity Migrations: upgrade from base to 0002 for mariadb (2 migration(s))')
    assert mysqlSql.startsWith('-- Entity Migrations: upgrade from base to 0002 for mysql (2 migration(s))')
    // MariaDB has sequences; MySQL gets Hibernate's one-row table instead.
    assert mariadbSql.contains('create sequence customers_seq start with 1 increment by 1 nocache;')
    assert !mysqlSql.contains('create sequence')
    assert mysqlSql.contains('create table customers_seq (next_val bigint) engine=InnoDB;')
    // Each script, run as it is on a fresh database, makes the schema upgrade made, version rows included.
    def c = Db.mariadb(db)
    def schemaOf = { conn -> Db.tables(conn).collectEntries { [it, Db.columns(conn, it)] } }
    def expected = schemaOf(c)
    c.close()
    [mariadb: mariadbSql, mysql: mysqlSql].each { String flavour, String script ->
        def fresh = Db.createMariaDb(basedir, 'it-Secret-' + flavour)
        def f = Db.mariadb(fresh)
        try {
            def statements = script.readLines().findAll { it && !it.startsWith('--') }
            assert statements.every { it.endsWith(';') } : "${flavour}: one statement a line"
            statements.each { Db.execute(f, it[0..-2]) }
            def made = schemaOf(f)
            if (flavour == 'mysql') {
                assert made.remove('customers_seq') == ['next_val']
            }
            assert made == expected : flavour
            assert Db.versions(f) == ['0001', '0002']
        } finally {
            f.close()
            Db.drop(fresh)
        }
    }
} finally {
    Db.drop(db)
}
return true
