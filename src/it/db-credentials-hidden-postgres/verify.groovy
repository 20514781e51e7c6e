// No password of any place appears in the log (-X included), except those that are part of the POM's
// configuration (as text, or through a property Maven interpolates into it), and those only where Maven itself
// prints that configuration. The working runs worked, the failing ones
// failed for the right reason. Then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String where = "${db.url} as ${db.user}"
    def lines = new File(basedir, 'build.log').getText('UTF-8').readLines()
    assert lines.count { it.startsWith('[DEBUG]') } > 1000 : 'the builds should run with -X'

    def passwords = ['Prop-Pw-a1f3', 'Settings-Plain-Pw-d4c1', 'Settings-Enc-Pw-e5b0',
                     'Url-Query-Pw-f6a8', 'Url-User-Pw-g7b9', db.password]
    def leaks = lines.findAll { line -> passwords.any { line.contains(it) } }
    assert leaks.isEmpty() : "a password was printed:\n${leaks.join('\n')}"

    // B and C: Maven's -X shows the POM's configuration, twice per goal: in the execution plan's XML dump and
    // in the value it hands to the parameter's setter. Nowhere else: not in our parameter line, no message.
    for (String inPom : ['Pom-Text-Pw-b2e9', 'Pom-Expr-Pw-c3d2']) {
        def mavenDumps = lines.findAll { it.contains(inPom) }.collect { it.trim() }.toSet()
        assert mavenDumps == ["<password>${inPom}</password>", "[DEBUG]   (s)  = <password>${inPom}</password>"]
                .collect { it.toString() }.toSet() : "a password of the POM was printed by us:\n${mavenDumps.join('\n')}"
    }

    // Our own rendering of the parameters under -X: masked, or the expression as written.
    assert lines.contains('[DEBUG]   (f) password = ***')
    assert lines.contains('[DEBUG]   (f) url = ${migration.url}')

    // The working runs: A to F each upgraded, showed where the database is, downgraded.
    def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)
    assert info.count { it == "Current migration of ${where}: 0001 (head)".toString() || it == "Current migration of ${where}: 0001".toString() } == 5
    String queried = "${db.url}?sslmode=disable&password=*** as ${db.user}"
    assert info.any { it.startsWith("Current migration of ${queried}: 0001".toString()) } : 'F: the URL is shown masked'
    assert info.count { it ==~ /Applying 0001 create shop .*/ } == 6
    assert info.count { it ==~ /Reverting 0001 create shop.*/ } == 6

    // The failing runs: A to F's upgrade and A's five other goals name the missing database; G is refused.
    def errors = lines.findAll { it.startsWith('[ERROR] Failed to execute goal') }
    // (sql's "Cannot read where" includes the connection's message.)
    assert errors.count { it.contains("Cannot connect to ${db.url}_missing".toString()) && it.contains('does not exist') } == 11
    assert errors.count { it.contains('Cannot read where ') && it.contains("${db.url}_missing".toString()) } == 1 : 'sql'
    assert errors.count { it.contains("has credentials before the host") && it.contains("//${db.user}:***@".toString()) } == 2
    assert errors.size() == 13

    // E: the encrypted password was decrypted (a server it cannot decrypt is warned about).
    assert !lines.any { it.contains('settings.xml server it-encrypted') } : 'the encrypted password was not decrypted'
} finally {
    Db.dropPostgres(db)
}
return true
