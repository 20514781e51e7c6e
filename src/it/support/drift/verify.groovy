// The log of every step: clean drift, the failure listing each difference with its advice, the refused
// upgrade, clean again, the refused stamp, the forced one. On PostgreSQL the database is dropped at the end.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = Db.isPostgres(basedir)
def db = pg ? Db.load(basedir) : null
try {
    String where = pg ? "${db.url} as ${db.user}" : 'jdbc:sqlite:' + new File(basedir, 'entity-migrations.db').path
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def lines = log.readLines()
    def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)
    def errors = lines.findAll { it.startsWith('[ERROR]') }
    if (pg) {
        assert !log.contains(db.password) : 'the password was printed'
    }
    String nickname = pg ? 'character varying(40)' : 'varchar(40)'

    // 1 and 4: clean.
    assert info.contains("No drift: ${where} matches the schema its 1 applied migration(s) produce (at 0001, head).".toString())
    assert info.contains("No drift: ${where} matches the schema its 1 applied migration(s) produce (at 0001; 1 pending).".toString())

    // 2: every difference, then the advice (generate for an intended change; stamp is no fix).
    int failed = lines.findIndexOf { it.startsWith('[ERROR]') && it.contains("Drift: ${where} does not match the schema its 1 applied migration(s) produce (at 0001), 4 difference(s):") }
    assert failed >= 0
    assert lines[failed + 1] == "[ERROR]   - table audit_log is in the database but not in the migrations (created by hand, or by Hibernate's ddl-auto=update?)"
    assert lines[failed + 2] == "[ERROR]   - column customers.nickname (${nickname}) is in the database but not in the migrations".toString()
    assert lines[failed + 3] == '[ERROR]   - column orders.total: type numeric(12,2) in the database, numeric(38,2) in the migrations'
    assert lines[failed + 4] == '[ERROR]   - index idx_orders_customer on orders (customer_id) is in the migrations but not in the database'
    assert lines[failed + 5].contains('mvn compile migration:generate -Dmessage="..."')
    assert lines[failed + 5].contains('(migration:stamp) records history without changing the schema: it does not fix drift')

    // 3: the upgrade refused before running anything.
    assert log.contains("${where} does not match the schema its applied migrations produce (at 0001), so the upgrade was not started:".toString())
    assert !info.any { it.startsWith('Applying 0002') && lines.indexOf('[INFO] ' + it) < failed }

    // 4: verifyBefore passed, then 0002 ran.
    assert info.contains("No drift: ${where} matches its 1 applied migration(s).".toString())
    assert info.findAll { it.startsWith('Applying 0002') }.size() == 1

    // 5: stamp refused, listing the difference, with how to force it.
    int refused = lines.findIndexOf { it.startsWith('[ERROR]') && it.contains("Refusing to stamp ${where} at 0002: its schema is not the one the migrations up to there produce:") }
    assert refused >= 0
    assert lines[refused + 1] == '[ERROR]   - column customers.legacy_flag (integer) is in the database but not in the migrations'
    assert lines[refused + 2].contains('-Dmigration.stampUnverified=true. Nothing was recorded')

    // 6: forced, with a warning listing it.
    int warned = lines.indexOf("[WARNING] Stamping without a match: the schema of ${where} differs from the one the migrations up to 0002 produce:".toString())
    assert warned >= 0
    assert lines[warned + 1] == '  - column customers.legacy_flag (integer) is in the database but not in the migrations'
    assert info.contains("Stamped ${where} at 0002 without running anything: 2 migration(s) recorded as applied.".toString())
} finally {
    if (pg) {
        Db.dropPostgres(db)
    }
}
return true
