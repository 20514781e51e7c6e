// The Invoker's post-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.load(basedir)
def maria = Db.load(basedir, 'it-mariadb.properties')
try {
    File log = new File(basedir, 'build.log')
    assert log.isFile() : "no build log at $log"
    String text = log.getText('UTF-8')
    def summary = /Shop OK: customer Ada Lovelace <ada-\w+@example\.com> \(ACTIVE\), order PO-\w+ with 2 lines, total 52\.55; 1 customer\(s\) in the database/

    // 1. verify ran migration:check, and the committed migration matches the entities.
    assert text.contains('The entities and the migrations agree') : 'migration:check did not report agreement'
    // 1. migration:upgrade created the SQLite database from the committed migration; Main booted Hibernate
    // with hbm2ddl.auto=validate, wrote and read back an order.
    assert text =~ /Applied 1 migration\(s\) in \d+ ms; jdbc:sqlite:.* is now at 0001 \(head\)/ : 'no upgrade on SQLite'
    assert new File(basedir, 'entity-migrations.db').isFile()
    // 2. and 3. The same on PostgreSQL and on MariaDB.
    assert text =~ /Applied 1 migration\(s\) in \d+ ms; \Q${pg.url} as ${pg.user}\E is now at 0001 \(head\)/ :
            'no upgrade on PostgreSQL'
    assert text =~ /Applied 1 migration\(s\) in \d+ ms; \Q${maria.url} as ${maria.user}\E is now at 0001 \(head\)/ :
            'no upgrade on MariaDB'
    assert (text =~ summary).size() == 3 : 'Main should print its summary line once per database'
    assert (text =~ /  0001  applied /).size() == 2 && (text =~ /  current: 0001 \(head\)/).size() == 2
    for (db in [pg, maria]) {
        def c = Db.admin(db)
        try {
            assert Db.rows(c, 'select count(*) as n from purchase_order')*.n.collect { it as int } == [1]
            assert Db.rows(c, 'select count(*) as n from OrderLine')*.n.collect { it as int } == [2]
        } finally {
            c.close()
        }
    }
} finally {
    try {
        Db.dropPostgres(pg)
    } finally {
        Db.dropMariaDb(maria)
    }
}
return true
