// The log: the release upgrade, check passing then failing with the difference; the password never printed.
// Then the database is dropped, whatever happened.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def lines = log.readLines()
    def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)
    String where = "${db.url} as ${db.user}"
    assert !log.contains(db.password) : 'the password was printed'

    // 2. upgrade through the release profile.
    int up = info.indexOf('Upgrading from base to 0001: 1 migration(s)')
    assert up >= 0
    assert info.any { it ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0001 \(head\)\./ }
    assert info.contains("Current migration of ${where}: 0001".toString())

    // 3. verify: check ran at the verify phase and passed.
    assert lines.any { it.contains('migration-maven-plugin') && it.contains(':check (default)') }
    assert info.contains('The entities and the migrations agree.')

    // 4. verify after the drift: check fails, naming the difference and the fix.
    def errors = lines.findAll { it.startsWith('[ERROR]') }.join('\n')
    assert errors.contains('The entities and the migrations differ') : errors
    assert lines.contains('[ERROR]   - add column accounts.currency VARCHAR(3)') : errors
    assert errors.contains('migration:generate') : errors

    // 5. nothing to apply.
    assert info.contains("Nothing to do: the database is at 0001 (head).")
} finally {
    Db.dropPostgres(db)
}
return true
