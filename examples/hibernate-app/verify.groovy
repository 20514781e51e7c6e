// The Invoker's post-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.load(basedir)
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
    // 2. The same on PostgreSQL.
    assert text =~ /Applied 1 migration\(s\) in \d+ ms; \Q${pg.url} as ${pg.user}\E is now at 0001 \(head\)/ :
            'no upgrade on PostgreSQL'
    assert (text =~ summary).size() == 2 : 'Main should print its summary line once per database'
    assert text.contains("  0001  applied ") && text.contains('  current: 0001 (head)')
    def c = Db.postgres(pg)
    try {
        assert Db.rows(c, 'select count(*) as n from purchase_order')*.n == [1]
        assert Db.rows(c, 'select count(*) as n from OrderLine')*.n == [2]
    } finally {
        c.close()
    }
} finally {
    Db.dropPostgres(pg)
}
return true
