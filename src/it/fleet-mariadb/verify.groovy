// The log of the three builds: progress lines, summaries, the failing tenant named with its reason; then the
// tenants, the database and the user are dropped, whatever happened.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def (a, b, cc) = db.tenants.split(',')
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def lines = log.readLines()
    assert !log.contains(db.password) : 'the password was printed'
    def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)
    def warn = lines.findAll { it.startsWith('[WARNING] ') }*.substring(10)

    // 1.
    assert info.contains('Fleet upgrade of 3 target(s), 3 at a time.')
    [a, b, cc].each { t ->
        assert info.any { it ==~ /\[\d\/3\] \Q${t}\E: upgraded from base to 0001, 1 migration\(s\) in \d+ ms/ } : t
    }
    assert info.any { it ==~ /Fleet upgrade of 3 target\(s\), 3 at a time, in [\d.]+ s: 3 upgraded, 0 already current, 0 failed\./ }

    // 2.
    assert warn.any { it ==~ /\[\d\/3\] \Q${b}\E: FAILED after \d+ ms: .*0002.*/ }
    [a, cc].each { t ->
        assert info.any { it ==~ /\[\d\/3\] \Q${t}\E: upgraded from 0001 to 0003, 2 migration\(s\) in \d+ ms/ } : t
    }
    def error = lines.findIndexOf { it.startsWith('[ERROR]') && it.contains('2 upgraded, 0 already current, 1 failed') }
    assert error >= 0
    assert lines[error + 1].startsWith("[ERROR]   - ${b}: Migration 0002 customer name required".toString())

    // 3.
    [a, cc].each { t -> assert info.any { it ==~ /\[\d\/3\] \Q${t}\E: at 0003 \(head\) in \d+ ms/ } : t }
    assert info.any { it ==~ /\[\d\/3\] \Q${b}\E: at 0001 in \d+ ms/ }
    assert info.any { it ==~ /Fleet current of 3 target\(s\), 1 at a time, in [\d.]+ s: 1 not at head, 2 at head \(0003\), 0 failed\./ }
} finally {
    def c = Db.mariadb(db)
    try {
        db.tenants.split(',').each { Db.execute(c, "drop database if exists `${it}`") }
    } finally {
        c.close()
    }
    Db.dropMariaDb(db)
}
return true
