// The log of all six builds: progress lines, summaries, the failing tenant named with its reason; then the
// database and role are dropped, whatever happened.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def lines = log.readLines()
    assert !log.contains(db.password) : 'the password was printed'
    def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)
    def warn = lines.findAll { it.startsWith('[WARNING] ') }*.substring(10)

    // 1. Five tenants, four at a time, one line each, then the summary.
    assert info.contains('Fleet upgrade of 5 target(s), 4 at a time.')
    ['tenant_a', 'tenant_b', 'tenant_c', 'tenant_d', 'tenant_e'].each { t ->
        assert info.any { it ==~ /\[\d\/5\] ${t}: upgraded from base to 0001, 1 migration\(s\) in \d+ ms/ } : t
    }
    assert info.any { it ==~ /Fleet upgrade of 5 target\(s\), 4 at a time, in [\d.]+ s: 5 upgraded, 0 already current, 0 failed\./ }
    assert !log.contains('billing')

    // 2. tenant_c fails with its reason; the others are upgraded; the build fails listing it.
    assert warn.any { it ==~ /\[\d\/5\] tenant_c: FAILED after \d+ ms: .*0002.*/ }
    ['tenant_a', 'tenant_b', 'tenant_d', 'tenant_e'].each { t ->
        assert info.any { it ==~ /\[\d\/5\] ${t}: upgraded from 0001 to 0003, 2 migration\(s\) in \d+ ms/ } : t
    }
    assert warn.any { it ==~ /Fleet upgrade of 5 target\(s\), 4 at a time, in [\d.]+ s: 4 upgraded, 0 already current, 1 failed\./ }
    def error = lines.findIndexOf { it.startsWith('[ERROR]') && it.contains('4 upgraded, 0 already current, 1 failed') }
    assert error >= 0
    assert lines[error + 1].startsWith('[ERROR]   - tenant_c: Migration 0002 customer name required')
    assert lines[error + 3].contains('column "name" of relation "customer" contains null values')

    // 3. current over the fleet.
    ['tenant_a', 'tenant_b', 'tenant_d', 'tenant_e'].each { t ->
        assert info.any { it ==~ /\[\d\/5\] ${t}: at 0003 \(head\) in \d+ ms/ } : t
    }
    assert info.any { it ==~ /\[\d\/5\] tenant_c: at 0001 in \d+ ms/ }
    assert info.any { it ==~ /Fleet current of 5 target\(s\), 1 at a time, in [\d.]+ s: 1 not at head, 4 at head \(0003\), 0 failed\./ }

    // 4. failFast, one at a time in name order.
    assert info.contains('Fleet upgrade of 5 target(s), 1 at a time, stopping at the first failure.')
    assert info.any { it ==~ /\[1\/5\] tenant_a: already at 0003 in \d+ ms/ }
    assert info.any { it ==~ /\[2\/5\] tenant_b: already at 0003 in \d+ ms/ }
    assert warn.any { it ==~ /\[3\/5\] tenant_c: FAILED after \d+ ms: .*/ }
    int fast = lines.findIndexOf { it.contains('stopping at the first failure') }
    def fastRun = lines.subList(fast, lines.findIndexOf(fast) { it.contains('BUILD FAILURE') })
    assert !fastRun.any { it ==~ /.*\[[45]\/5\].*/ } : 'd and e were not started'
    assert warn.any { it ==~ /.* 0 upgraded, 2 already current, 1 failed, 2 not started \(failFast\)\./ }
    assert log.contains('2 target(s) were not started after the first failure (failFast)')

    // 5. history refuses schemas.
    assert lines.any { it.startsWith('[ERROR]') && it.contains('migration:history reads or changes one database at a time and does not take -Dmigration.schemas (tenant_*)') }

    // 6. A pattern matching nothing.
    assert lines.any { it.startsWith('[ERROR]') && it.contains('The schema pattern nobody_* matches no schema') }
} finally {
    Db.dropPostgres(db)
}
return true
