// After 3 (generate): 0003 tightens nickname, and its warnings say the step depends on the data.
import groovy.json.JsonSlurper
def dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().sort() == ['0001_create_customers.json', '0002_add_nickname.json', '0003_nickname_not_null.json']
def m = new JsonSlurper().parse(new File(dir, '0003_nickname_not_null.json'))
assert m.upgrade*.op == ['alter_column']
assert m.upgrade[0].table == 'customers'
assert m.upgrade[0].from.name == 'nickname' && m.upgrade[0].from.nullable == true
assert m.upgrade[0].to.name == 'nickname' && m.upgrade[0].to.nullable == false
assert m.downgrade*.op == ['alter_column'] && m.downgrade[0].to.nullable == true
assert m.warnings.size() == 1
assert m.warnings[0].step == 1 && m.warnings[0].kind == 'data'
assert m.warnings[0].message.toLowerCase().contains('null')
// ... and how to have generate write the backfill instead.
assert m.warnings[0].message.contains('@Backfill("<SQL expression>")')
assert m.warnings[0].message.contains('customers.nickname=<SQL expression>')
// generate printed the warning too.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.readLines().any { it.startsWith('[WARNING]') && it.contains('customers') && it.toLowerCase().contains('null') }
return true
