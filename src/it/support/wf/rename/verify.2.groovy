// After 2 (generate): 0002 renames the table and the column; nothing is dropped or added.
import groovy.json.JsonSlurper
def dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().sort() == ['0001_create_clients.json', '0002_rename_clients_to_customers.json']
def m = new JsonSlurper().parse(new File(dir, '0002_rename_clients_to_customers.json'))
assert m.upgrade*.op.sort() == ['rename_column', 'rename_table']
assert m.downgrade*.op.sort() == ['rename_column', 'rename_table']
assert !m.warnings
String text = new File(dir, '0002_rename_clients_to_customers.json').text
assert !text.contains('drop_') && !text.contains('add_column') && !text.contains('create_table')
return true
