// After 3 (a backfill naming no column that needs one): refused, naming the one that could use it; nothing written.
def dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().sort() == ['0001_create_customers.json', '0002_nickname_and_status_required.json']
String log = new File(basedir, 'build.log').getText('UTF-8')
def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
assert error.contains('The backfill for customers.levl names no column that needs one in this migration') : error
assert error.contains('the columns that could use one: customers.level') : error
assert error.contains('Nothing was written') : error
return true
