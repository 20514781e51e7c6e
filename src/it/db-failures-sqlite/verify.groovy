// Each failure names what is at fault and says nothing ran (the database checks are in verify.N.groovy).
String where = 'jdbc:sqlite:' + new File(basedir, 'entity-migrations.db').path
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def errors = lines.findAll { it.startsWith('[ERROR]') }
def error = { String text ->
    def found = errors.find { it.contains(text) }
    assert found != null : "no [ERROR] line with: ${text}"
    found
}

// 4. Irreversible: names the migration, its file and step, and what to do; nothing reverted.
def irreversible = error('Cannot downgrade past 0002 (0002_seed_house_account.json)')
assert irreversible.contains('its step "sql: insert into customers')
assert irreversible.contains('is marked irreversible. Nothing was run.')
assert irreversible.contains('It is the current migration, so nothing can be reverted')
assert !log.contains('Reverting ')

// 5. and 6. Unknown targets, with the valid ones.
assert error('There is no migration 0042 to upgrade to').contains('The migrations are 0001 to 0002; other targets: head, +N')
assert error('There is no migration 0042 to downgrade to').contains('The migrations are 0001 to 0002; other targets: -N, base')

// 7. The edited applied migration: the file, "changed after it was applied", what to do; nothing ran.
assert error("The migrations applied to ${where} do not match the files, so nothing was run:")
def tampered = error('Migration 0001_create_shop.json was changed after it was applied on ')
assert tampered.contains('Never edit an applied migration: restore it from version control and put the change in a new migration')
assert new File(basedir, 'src/main/resources/db/migrations/0001_create_shop.json').text.contains('VARCHAR(400)')

// No stack trace would be printed without -e: the invoker runs with -e (showErrors), so only check that
// every failure is a goal failure (MojoFailureException), not an unexpected error.
assert !log.contains('entity-migrations failed unexpectedly')
assert !log.contains('MojoExecutionException')

// 8. current and history still answer, and warn about the edited file.
assert lines.any { it.startsWith('[WARNING] Migration 0001_create_shop.json was changed after it was applied') }
assert lines.contains("[INFO] Current migration of ${where}: 0002".toString())
assert lines.any { it.startsWith('[INFO]   WARNING: Migration 0001_create_shop.json was changed after it was applied') }
assert lines.contains('[INFO]   current: 0002 (head)')
return true
