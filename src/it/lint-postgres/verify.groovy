// Every PostgreSQL rule found with the database's row counts (2), offline from base (3), the error threshold (4),
// everything silenced (5), nothing applied (6); then the database is dropped.
import groovy.json.JsonSlurper

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert !log.contains(db.password) : 'the password was printed'
    def runs = log.split(/Scanning for projects\.\.\./)
    assert runs.size() == 7 : "expected 6 invocations, got ${runs.size() - 1}"
    def findings = { String run -> run.readLines().findAll { it ==~ /\[(INFO|WARNING|ERROR)\] 0002_risky_changes\.json step \d+ \[.*/ } }

    // 2. With the database.
    def online = findings(runs[2])
    def expected = [
            'step 1 [drop-table] warning: drops table legacy (1 row)',
            'step 1 [deploy-drop-table] warning: ',
            'step 1 [pg-lock-timeout] warning: takes locks on existing tables in one transaction with no "lockTimeout"',
            'step 2 [drop-column] warning: drops column customer.note (3 rows)',
            'step 2 [deploy-drop-column] warning: ',
            'step 3 [narrow-type] warning: ',
            'step 3 [pg-type-rewrite] warning: changes column customer.email from VARCHAR(100) to VARCHAR(50), which rewrites the table (3 rows) under ACCESS EXCLUSIVE',
            'step 4 [drop-default] warning: ',
            'step 5 [not-null-without-default] error: adds column customer.age NOT NULL without a default: the table has 3 rows, so it fails',
            'step 5 [deploy-not-null] warning: ',
            'step 6 [unique-on-existing] warning: ',
            'step 6 [pg-unique-not-concurrent] warning: adds unique constraint uk_orders_code on orders (1 row): its index is built under ACCESS EXCLUSIVE',
            'step 7 [check-on-existing] warning: ',
            'step 7 [pg-check-not-valid] warning: ',
            'step 8 [fk-on-existing] warning: ',
            'step 8 [pg-fk-not-valid] warning: adds foreign key fk_orders_customer on orders (1 row) without not valid: writes to orders and customer wait',
            'step 9 [deploy-rename-column] warning: ',
            'step 10 [deploy-rename-table] warning: ',
            'step 11 [pg-index-not-concurrent] warning: creates index ix_customer_nick on customer (3 rows) without concurrently',
            'step 12 [not-null-without-default] warning: makes column customer.nick NOT NULL with no backfill before it in this migration: the table has 3 rows; one holding null there makes it fail',
            'step 12 [pg-set-not-null] warning: sets column customer.nick not null: the table (3 rows) is scanned under ACCESS EXCLUSIVE',
            'step 13 [pg-type-rewrite] warning: changes column customer.id from BIGINT to VARCHAR(40)',
            'step 14 [pg-volatile-default] warning: adds column customer.token with the volatile default md5(random()::text)',
            // step 16 puts back the key step 15 dropped, over the same columns: the rows met it, no unique-on-existing
            'step 16 [pg-unique-not-concurrent] warning: adds primary key pk_purchases on purchases (1 row)']
    expected.each { e -> assert online.any { it.contains("0002_risky_changes.json ${e}") } : "missing: ${e}\n${online.join('\n')}" }
    assert online.size() == expected.size() : online.join('\n')
    assert !runs[2].contains('[sqlite-') : 'no SQLite rule on PostgreSQL'
    assert runs[2].contains('[INFO] lint: 1 error, 23 warnings in 1 migration')
    def report = new JsonSlurper().parse(new File(basedir, 'target/lint.json'))
    assert report.database == 'postgresql' && report.facts == true && report.summary == [error: 1, warning: 23]
    assert report.findings*.rule.unique().sort() == ['check-on-existing', 'deploy-drop-column', 'deploy-drop-table',
            'deploy-not-null', 'deploy-rename-column', 'deploy-rename-table', 'drop-column', 'drop-default', 'drop-table',
            'fk-on-existing', 'narrow-type', 'not-null-without-default', 'pg-check-not-valid', 'pg-fk-not-valid',
            'pg-index-not-concurrent', 'pg-lock-timeout', 'pg-set-not-null', 'pg-type-rewrite', 'pg-unique-not-concurrent',
            'pg-volatile-default', 'unique-on-existing']

    // 3. Offline from base: 0001 only creates tables (nothing to find); no error without row counts, so it passes.
    assert runs[3].contains('Lint of 2 migrations, 0001 to 0002 for postgresql, without a database')
    assert !findings(runs[3]).any { it.contains(' error: ') || it =~ /\(\d+ rows?\)/ }
    assert runs[3].contains('[INFO] lint: 24 warnings in 1 migration')
    assert runs[3].contains('BUILD SUCCESS')

    // 4. lintFailOn=error: the one error fails the goal.
    assert runs[4].contains('lint found 1 finding at or above error (lintFailOn (-Dmigration.lintFailOn))')

    // 5. Silenced in the file (each rule with its reason) and pg-lock-timeout for the build: passes.
    assert findings(runs[5]).isEmpty()
    assert runs[5].contains('[INFO] lint: no findings in 1 migration (24 findings silenced)')
    def silenced = new JsonSlurper().parse(new File(basedir, 'target/lint-silenced.json'))
    assert silenced.findings.size() == 24
    assert silenced.findings.find { it.rule == 'pg-set-not-null' }.silenced == 'reviewed: pg-set-not-null accepted for the maintenance window'
    assert silenced.findings.find { it.rule == 'pg-lock-timeout' }.silenced == 'rule ignored for the whole build'

    // 6. lint applied nothing.
    assert runs[6].contains(": 0001")
    def c = Db.postgres(db)
    try {
        assert Db.versions(c) == ['0001']
        assert Db.columns(c, 'customer') == ['id', 'email', 'name', 'nickname', 'note']
    } finally {
        c.close()
    }
} finally {
    Db.dropPostgres(db)
}
return true
