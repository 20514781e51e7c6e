// 4 refused with the stamp advice, 5 asked for a target, 6 stamped 0001, 7 applied 0002 only.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
String where = 'jdbc:sqlite:' + new File(basedir, 'entity-migrations.db').path
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)

// 4. The refusal names the tables, the missing version table, and the command that fixes it.
def refused = lines.find { it.startsWith('[ERROR]') && it.contains('but no entity_migrations_history table') }
assert refused != null : 'step 4 should refuse a database without a version table'
assert refused.contains("${where} already has tables (customers, customers_seq, orders)")
assert refused.contains('mvn migration:stamp -Dtarget=')
assert refused.contains('Nothing was run')
assert !log.contains('Applying 0001') : 'nothing may run on a database that was not stamped'

// 5. stamp without a target says how to give one.
assert lines.any { it.startsWith('[ERROR]') && it.contains('Say which migration to record as current: -Dtarget=head') }

// 6. stamp.
assert info.contains("Stamped ${where} at 0001 without running anything: 1 migration(s) recorded as applied.".toString())

// 7. upgrade applies 0002 only, then history shows both applied.
int up = info.indexOf('Upgrading from 0001 to 0002: 1 migration(s)')
assert up >= 0
assert info[up + 1] ==~ /Applying 0002 add phone \(\d+ statement\(s\)\)/
assert info[up + 3] ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0002 \(head\)\./
assert info.findAll { it.startsWith('Applying ') }.size() == 1
assert info.any { it ==~ /  0001  stamped .*  create shop/ }
assert info.any { it ==~ /  0002  applied .*  add phone/ }

def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
    assert Db.rows(c, 'select email from customers')*.email == ['ada@example.com']
    assert Db.rows(c, 'select status from orders')*.status == ['NEW']
} finally {
    c.close()
}
return true
