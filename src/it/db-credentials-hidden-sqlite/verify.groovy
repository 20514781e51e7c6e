// Neither password appears anywhere in the log (-X included); the users do, where the database is named.
String log = new File(basedir, 'build.log').getText('UTF-8')
String where = 'jdbc:sqlite:' + new File(basedir, 'entity-migrations.db').path
assert log.contains('[DEBUG]') : 'the builds should run with -X'
assert log.contains("[INFO] Current migration of ${where} as property-user: base")
assert log.contains("[INFO] Current migration of ${where} as settings-user: base")
def leaks = log.readLines().findAll { it.contains('Property-Password-7b2e') || it.contains('Settings-Password-c41d') }
assert leaks.isEmpty() : "a password was printed:\n${leaks.join('\n')}"
return true
