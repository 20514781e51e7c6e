// The Invoker's post-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.load(basedir)

/** The tests, failures, errors and skipped of every surefire report in a directory, summed. */
Map<String, Integer> counts(File reports) {
    assert reports.isDirectory() : "no surefire reports in $reports: the tests did not run"
    def total = [tests: 0, failures: 0, errors: 0, skipped: 0]
    reports.listFiles().findAll { it.name ==~ /TEST-.*\.xml/ }.each { f ->
        def suite = new groovy.xml.XmlSlurper().parse(f)
        total.keySet().each { k -> total[k] += (suite."@$k".text() ?: '0') as int }
    }
    return total
}

try {
    String text = new File(basedir, 'build.log').getText('UTF-8')
    for (module in ['boot3', 'boot4']) {
        // Both databases: ShopApplicationTest (@SpringBootTest, 2 tests) and ShopRepositoryTest (@DataJpaTest,
        // 2 tests) ran and passed.
        for (dir in ['surefire-reports', 'surefire-reports-postgres']) {
            def c = counts(new File(basedir, "$module/target/$dir"))
            assert c == [tests: 4, failures: 0, errors: 0, skipped: 0] : "$module $dir: $c"
        }
        // The slice migrated its own SQLite database.
        assert new File(basedir, "$module/target/shop-slice.db").isFile() : "$module: the @DataJpaTest made no database"

        // The executable jar reads its migrations from inside itself (BOOT-INF/classes of a nested jar layout):
        // started on an empty SQLite file, it applies them, Hibernate validates, and it exits.
        File jar = new File(basedir, "$module/target/spring-boot-shop-$module-1.0-SNAPSHOT.jar")
        assert jar.isFile() : "no executable jar $jar"
        File db = new File(basedir, "$module/target/from-jar.db")
        def java = new File(System.getProperty('java.home'), 'bin/java').path
        def run = [java, '-jar', jar.path, "--spring.datasource.url=jdbc:sqlite:${db.path}"].execute()
        def out = new StringBuilder()
        run.consumeProcessOutput(out, out)
        assert run.waitFor() == 0 : "$module: java -jar failed:\n$out"
        assert out.toString() =~ /Applied 1 migration\(s\) in \d+ ms; jdbc:sqlite:.* is now at 0001 \(head\)/ :
                "$module: java -jar applied nothing:\n$out"
        assert out.toString().contains('Started ShopApplication') : "$module: the application did not start:\n$out"
    }
    // migration:check in verify, once per module.
    assert (text =~ /The entities and the migrations agree/).size() == 2 : 'migration:check did not run in both modules'
    // The service's line, once per module and database.
    assert (text =~ /Shop OK: order PO-\w+ of ada-[\w-]+@example\.com with 2 lines, total 52\.60/).size() == 4
    // On PostgreSQL: the migration applied once (the second module found it at head), the committed orders there.
    def c = Db.postgres(pg)
    try {
        assert Db.rows(c, 'select count(*) as n from entity_migrations_history')*.n == [1]
        assert Db.rows(c, 'select count(*) as n from purchase_order')*.n == [2]
        assert Db.rows(c, 'select count(*) as n from order_line')*.n == [4]
    } finally {
        c.close()
    }
} finally {
    Db.dropPostgres(pg)
}
return true
