// After 2: generate wrote the two-phase steps from @Backfill, with no warning; upgrade filled the rows.
import groovy.json.JsonSlurper
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().sort() == ['0001_create_customers.json', '0002_nickname_and_status_required.json']
def m = new JsonSlurper().parse(new File(dir, '0002_nickname_and_status_required.json'))
assert m.upgrade*.op == ['sql', 'alter_column', 'add_column', 'sql', 'alter_column']
assert m.upgrade[0].upgrade == ['*': ["update customers set nickname = lower(name) where nickname is null"]]
assert m.upgrade[0].downgrade == ['*': []]
assert m.upgrade[1].from.nullable == true && m.upgrade[1].to.nullable == false
assert m.upgrade[2].column.name == 'status' && m.upgrade[2].column.nullable == true
assert m.upgrade[3].upgrade == ['*': ["update customers set status = 'ACTIVE' where status is null"]]
assert m.upgrade[4].to.name == 'status' && m.upgrade[4].to.nullable == false
assert m.downgrade*.op == ['alter_column', 'sql', 'drop_column', 'alter_column', 'sql']
assert m.downgrade[1].upgrade == ['*': []]
assert !m.containsKey('warnings') || m.warnings.isEmpty()
assert !new File(dir, '0002_nickname_and_status_required.json').text.contains('"backfill"')
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, nickname, status from customers order by id') ==
            [[id: 1, nickname: 'ada', status: 'ACTIVE'], [id: 2, nickname: 'grace hopper', status: 'ACTIVE'],
             [id: 3, nickname: 'alan turing', status: 'ACTIVE']]
    assert Db.failure(c, "insert into customers (id, name, status) values (9, 'No Nick', 'ACTIVE')")?.toLowerCase()?.contains('null')
    assert Db.failure(c, "insert into customers (id, name, nickname) values (9, 'No Status', 'x')")?.toLowerCase()?.contains('null')
} finally {
    c.close()
}
String log = new File(basedir, 'build.log').getText('UTF-8')
// No "data" warning of generate (printed "step N (data): ..."): the backfill answers it. Lint still names the
// rolling-deploy risk (the previous release may insert without a nickname) and the SQLite rebuild.
assert !log.readLines().any { it.startsWith('[WARNING] step ') && it.contains('NOT NULL') }
assert !log.contains('[not-null-without-default]')
assert log.contains('0002_nickname_and_status_required.json step 2 [deploy-not-null] warning')
return true
