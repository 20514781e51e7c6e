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

    // 4. The failing statement: the migration, its file, which statement, the statement, PostgreSQL's
    // message, and that it was rolled back.
    def failed = error('Migration 0002 seed house account (0002_seed_house_account.json) failed at statement 3 of 4:')
    assert failed.contains('insert into no_such_table values (1)')
    assert failed.contains('PostgreSQL said: ERROR: relation "no_such_table" does not exist')
    assert failed.contains('It was rolled back: nothing of it was applied and the version table is unchanged.')
    assert lines.any { it == '[INFO] Applying 0002 seed house account (4 statement(s))' }

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
} finally {
    Db.dropPostgres(db)
}
return true
