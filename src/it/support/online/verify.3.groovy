// After 3: generate -Dmigration.online=true wrote three files, each printed, each downgrade the exact reverse.
import groovy.json.JsonSlurper

def dir = new File(basedir, 'src/main/resources/db/migrations')
def names = dir.list().findAll { it.endsWith('.json') }.sort()
assert names == ['0001_create_shop.json', '0002_harden_shop.json', '0003_harden_shop_validate.json',
                 '0004_harden_shop_indexes.json']
def json = { String name -> new JsonSlurper().parse(new File(dir, name)) }
String log = new File(basedir, 'build.log').getText('UTF-8')
names.drop(1).each { assert log.contains(it) : "generate prints ${it}" }

// 0002: constraints on the existing tables added not valid, email's NOT NULL as a not-valid check; lock timeout.
def n = json('0002_harden_shop.json')
assert n.message == 'harden shop' && n.lockTimeout == '5s' && !n.outsideTransaction
assert n.upgrade*.op.every { it in ['add_check', 'add_foreign_key'] } : n.upgrade*.op
assert n.upgrade.every { it.notValid == true }
def notNull = n.upgrade.find { it.op == 'add_check' && it.check.name == 'customers_email_not_null' }
assert notNull.check.expression == 'email is not null'
assert n.upgrade.count { it.op == 'add_foreign_key' } == 1
assert n.downgrade*.op == n.upgrade.reverse()*.op.collect { it.replace('add_', 'drop_') }

// 0003: each constraint validated (nothing on SQLite, nothing to undo), then NOT NULL set and the check dropped.
def v = json('0003_harden_shop_validate.json')
assert v.message == 'harden shop (validate)' && v.lockTimeout == '5s' && !v.outsideTransaction
def sql = v.upgrade.findAll { it.op == 'sql' }
assert sql.size() == n.upgrade.size()
assert sql.every { it.upgrade.postgresql[0] ==~ /alter table \w+ validate constraint \w+/ && it.upgrade.sqlite == [] }
assert sql.every { it.downgrade == [postgresql: [], sqlite: []] }
assert v.upgrade.drop(sql.size())*.op == ['alter_column', 'drop_check']
assert v.upgrade[-2].from.nullable == true && v.upgrade[-2].to.nullable == false

// 0004: the index, built concurrently outside a transaction; no lock timeout (it takes no blocking lock).
def i = json('0004_harden_shop_indexes.json')
assert i.message == 'harden shop (indexes)' && i.outsideTransaction == true && i.lockTimeout == null
assert i.upgrade*.op == ['create_index'] && i.upgrade[0].concurrently == true && i.upgrade[0].index.name == 'ix_customers_name'
assert i.downgrade*.op == ['drop_index'] && i.downgrade[0].concurrently == true
return true
