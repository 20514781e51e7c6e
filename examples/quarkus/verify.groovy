// The Invoker's post-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.load(basedir)
try {
    File log = new File(basedir, 'build.log')
    assert log.isFile() : "no build log at $log"
    String text = log.getText('UTF-8')
    // The processor followed the Hibernate Quarkus ships, read from the compile class path.
    assert text =~ /the snapshot follows Hibernate 7\.\d \(detected: hibernate-core 7\.[\d.]+Final is on the compile classpath\)/ :
            'the processor did not detect the Hibernate of Quarkus'
    // migration:upgrade created the tables from the committed migration.
    assert text =~ /Applied 1 migration\(s\) in \d+ ms; \Q${pg.url} as ${pg.user}\E is now at 0001 \(head\)/ :
            'no upgrade on PostgreSQL'
    // The Quarkus test started the application, Hibernate validating the schema, and stored and read fruit.
    assert text.contains('Fruits OK: apple (red), 2 harvests, 1 fruit in the database') : 'the Quarkus test did not run'
    assert text =~ /Tests run: 1, Failures: 0, Errors: 0, Skipped: 0/
    // verify ran migration:check; migration:history lists the migration as applied.
    assert text.contains('The entities and the migrations agree') : 'migration:check did not report agreement'
    assert (text =~ /  0001  applied /).size() == 1 && text.contains('  current: 0001 (head)')
    def c = Db.admin(pg)
    try {
        assert Db.rows(c, 'select count(*) as n from harvests')*.n.collect { it as int } == [2]
        assert Db.rows(c, 'select count(*) as n from Fruit')*.n.collect { it as int } == [1]
    } finally {
        c.close()
    }
} finally {
    Db.dropPostgres(pg)
}
return true
