// 4 refused with the stamp advice, 5 stamped 0001, 6 applied 0002 only; then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String where = "${db.url} as ${db.user}"
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def lines = log.readLines()
    def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)
    assert !log.contains(db.password) : 'the password was printed'

    // 4. The refusal names the tables, the missing version table, and the command that fixes it.
    def refused = lines.find { it.startsWith('[ERROR]') && it.contains('but no entity_migrations_history table') }
    assert refused != null : 'step 4 should refuse a database without a version table'
    assert refused.contains("${where} already has tables (customers, orders)")
    assert refused.contains('mvn migration:stamp -Dtarget=')
    assert refused.contains('Nothing was run')
    assert !log.contains('Applying 0001') : 'nothing may run on a database that was not stamped'

    // 5. stamp.
    assert info.contains("Stamped ${where} at 0001 without running anything: 1 migration(s) recorded as applied.".toString())

    // 6. upgrade applies 0002 only, then current and history show both.
    int up = info.indexOf('Upgrading from 0001 to 0002: 1 migration(s)')
    assert up >= 0
    assert info[up + 1] ==~ /Applying 0002 add phone \(\d+ statement\(s\)\)/
    assert info[up + 3] ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0002 \(head\)\./
    assert info.findAll { it.startsWith('Applying ') }.size() == 1
    assert info.contains("Current migration of ${where}: 0002".toString())
    assert info.any { it ==~ /  0001  stamped .*  create shop/ }
    assert info.any { it ==~ /  0002  applied .*  add phone/ }

    def c = Db.postgres(db)
    try {
        assert Db.versions(c) == ['0001', '0002']
        assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
        assert Db.rows(c, 'select email from customers')*.email == ['ada@example.com']
        assert Db.rows(c, 'select status from orders')*.status == ['NEW']
        // The application's role still owns what it uses: it can write after the upgrade.
        def app = Db.postgresAsOwner(db)
        try {
            Db.execute(app, "insert into customers (id, email, name, phone) values (nextval('customers_seq'), 'bob@example.com', 'Bob', '555')")
        } finally {
            app.close()
        }
        assert Db.rows(c, 'select count(*) as n from customers')*.n == [2]
    } finally {
        c.close()
    }
} finally {
    Db.dropPostgres(db)
}
return true
