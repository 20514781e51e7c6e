// After 6 (a new entity on the table name clients): the migration gave the key name up and created clients.
import groovy.json.JsonSlurper

def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
File dir = new File(basedir, 'src/main/resources/db/migrations')
File written = new File(dir, '0003_new_clients.json')
assert written.isFile() : "expected ${written.name}, found ${dir.list()}"
def upgrade = new JsonSlurper().parse(written).upgrade
def ops = upgrade.collect { it.table instanceof String ? "${it.op} ${it.table}" : it.op }
// customers' key, still named pk_clients, is added again as pk_customers before clients takes the name; the
// foreign key of orders that stands on it is dropped before and added after.
assert ops == ['drop_foreign_key orders', 'drop_primary_key customers', 'add_primary_key customers',
               'create_table', 'add_foreign_key orders'] : ops
assert upgrade.find { it.op == 'drop_primary_key' }.primaryKey.name == 'pk_clients'
assert upgrade.find { it.op == 'add_primary_key' }.primaryKey.name == 'pk_customers'
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003']
    assert Db.rows(c, 'select displayName from customers order by id')*.displayname == ['Ada Lovelace', 'Grace Hopper']
    assert Db.rows(c, 'select count(*) as n from clients')*.n == [0]
    assert Db.rows(c, 'select o.item from orders o join customers c on c.id = o.client_id order by o.id')*.item ==
            ['engine', 'compiler']
} finally {
    c.close()
}
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Upgrading from 0002 to 0003: 1 migration(s)')
return true
