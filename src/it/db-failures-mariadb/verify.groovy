// Each failure names what is at fault and says what happened to the database. Then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String where = "${db.url} as ${db.user}"
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def lines = log.readLines()
    def errors = lines.findAll { it.startsWith('[ERROR]') }
    def error = { String text ->
        int i = errors.findIndexOf { it.contains(text) }
        assert i >= 0 : "no [ERROR] line with: ${text}"
        errors.subList(i, Math.min(i + 6, errors.size())).join('\n')
    }
    assert !log.contains(db.password) : 'the password was printed'

    // 4. The failing statement: the migration, its file, which statement, the statement, MariaDB's message, and
    // what the runner undid (MariaDB commits each DDL statement, so no transaction could).
    def failed = error('Migration 0002 seed house account (0002_seed_house_account.json) failed at statement 3 of 3')
    assert failed.contains('insert into no_such_table values (1)')
    assert failed =~ /MariaDB said: .*Table '${db.database}\.no_such_table' doesn't exist/
    assert failed.contains('The database commits each DDL statement at once, so the runner undid the steps it had applied, newest first: undone: add column customers.note VARCHAR(100).')
    assert failed.contains('The database is as before the migration and the version table does not record it.')

    // 6. Irreversible.
    def irreversible = error('Cannot downgrade past 0002 (0002_seed_house_account.json)')
    assert irreversible.contains('is marked irreversible. Nothing was run.')
    assert !log.contains('Reverting ')

    // 7. and 8. Targets that do not exist.
    assert error('There is no migration 0042 to upgrade to').contains('The migrations are 0001 to 0002; other targets: head, +N')
    assert error('Cannot downgrade -3: only 2 migration(s) are applied')

    // 9. The edited applied migration.
    assert error("The migrations applied to ${where} do not match the files, so nothing was run:")
    assert error('Migration 0001_create_shop.json was changed after it was applied on ')
            .contains('Never edit an applied migration')
    assert !log.contains('entity-migrations failed unexpectedly')

    // 10. to 12. Connections refused, each with what to do; no password printed, right or wrong.
    assert !log.contains('Wrong-Password-31c8')
    assert error("Cannot connect to ${where}:").contains('The server refused the user or its password: check')
    String missing = db.url.replaceFirst('/[^/]+$', '/' + db.database + '_missing')
    assert error("Cannot connect to ${missing} as ${db.user}:")
            .contains('The database named in the URL does not exist on that server: create it (create database <name>), or correct the URL')
    assert error("Cannot connect to jdbc:mariadb://127.0.0.1:1/${db.database} as ${db.user}:")
            .contains('No server answered at that address: check that MariaDB/MySQL is running there and that the host and port in the URL are right (3306 by default)')
} finally {
    Db.drop(db)
}
return true
