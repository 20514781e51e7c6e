import groovy.json.JsonSlurper

File dir = new File(basedir, 'src/main/resources/db/migrations')
String log = new File(basedir, 'build.log').getText('UTF-8')
def names = (dir.list() ?: new String[0]).toList().sort()
// Step 3 (no change) wrote nothing: only the two migrations exist.
assert names == ['0001_create_users.json', '0002_add_phone_and_orders.json'] : "migrations: $names"

def read = { String name -> new JsonSlurper().parse(new File(dir, name)) }
def inverse = [create_table: 'drop_table', create_sequence: 'drop_sequence', add_column: 'drop_column',
               add_foreign_key: 'drop_foreign_key']
// The downgrade is the upgrade reversed, each step inverted, carrying the same definition.
def assertDowngradeReverses = { m ->
    assert m.downgrade.size() == m.upgrade.size() : "downgrade ${m.downgrade*.op} vs upgrade ${m.upgrade*.op}"
    m.upgrade.reverse().eachWithIndex { up, i ->
        def down = m.downgrade[i]
        assert down.op == inverse[up.op] : "downgrade step ${i + 1} is ${down.op}, expected the inverse of ${up.op}"
        assert down.findAll { it.key != 'op' } == up.findAll { it.key != 'op' } : "downgrade step ${i + 1} differs from ${up}"
    }
}

// 1. create users: the sequence and the table, no parent.
def first = read('0001_create_users.json')
assert first.id == '0001'
assert !first.containsKey('parent') || first.parent == null : "the first migration has a parent: ${first.parent}"
assert first.message == 'create users'
assert first.upgrade*.op.sort() == ['create_sequence', 'create_table'] : "0001 upgrade: ${first.upgrade*.op}"
def sequence = first.upgrade.find { it.op == 'create_sequence' }.sequence
assert sequence.name == 'users_seq'
assert sequence.start == 1
assert sequence.increment == 1
def users = first.upgrade.find { it.op == 'create_table' }.table
assert users.name == 'users'
assert users.columns*.name == ['id', 'email', 'name']
assert users.columns.find { it.name == 'email' } == [name: 'email', nullable: false, type: 'VARCHAR(320)']
assert users.primaryKey == [name: 'pk_users', columns: ['id']]
assert users.uniques == [[name: 'uk_users_email', columns: ['email']]]
assertDowngradeReverses(first)
assert first.downgrade*.op == ['drop_table', 'drop_sequence'] : 'drop the table before its sequence'
assert !first.warnings : "unexpected warnings: ${first.warnings}"

// 2. add phone and orders: follows 0001, adds the column and the new table with its foreign key.
def second = read('0002_add_phone_and_orders.json')
assert second.id == '0002'
assert second.parent == '0001'
assert second.message == 'add phone and orders'
assert second.upgrade*.op.sort() == ['add_column', 'create_table'] : "0002 upgrade: ${second.upgrade*.op}"
def phone = second.upgrade.find { it.op == 'add_column' }
assert phone.table == 'users'
assert phone.column == [name: 'phone', nullable: true, type: 'VARCHAR(30)']
def orders = second.upgrade.find { it.op == 'create_table' }.table
assert orders.name == 'orders'
assert orders.columns*.name.sort() == ['id', 'total', 'user_id']
assert orders.columns.find { it.name == 'id' }.identity == true
assert orders.columns.find { it.name == 'user_id' }.nullable == false
assert orders.foreignKeys.size() == 1
def fk = orders.foreignKeys[0]
assert [fk.columns, fk.referencedTable, fk.referencedColumns] == [['user_id'], 'users', ['id']]
assertDowngradeReverses(second)
// Files end with one newline and use 2-space indentation (stable diffs in review).
String text = new File(dir, '0002_add_phone_and_orders.json').getText('UTF-8')
assert text.startsWith('{\n  "id" : "0002",\n  "parent" : "0001",\n')
assert text.endsWith('}\n') && !text.endsWith('\n\n')

// The log named what was written, step by step.
assert log.contains('0001_create_users.json')
assert log.contains('add column users.phone VARCHAR(30)')
assert log.contains('create table orders')

// 3. No change: said so, wrote nothing (checked above) and succeeded.
assert log.contains('No changes detected') : 'step 3 should say "No changes detected"'
assert log.contains('(head 0002_add_phone_and_orders.json). Nothing written.')

// 4. No -Dmessage: the failure says how to give one.
def error = log.readLines().find { it.startsWith('[ERROR]') && it.contains('migration:generate -Dmessage=') }
assert error != null : 'step 4 should fail asking for -Dmessage'
assert error.contains('Say what the migration does')

// 5. and 6. Edited but not compiled: generate and check fail, naming the source and saying to compile; nothing
// new written (checked above). 7. With the opt-out, a warning and the comparison of the old snapshot.
def lines = log.readLines()
def stale = lines.findAll { it.startsWith('[ERROR]') && it.contains('changed after the last compile') }
assert stale.size() == 2 : "steps 5 and 6 should fail on the stale snapshot: ${stale}"
assert stale.every { it.contains('com/example/app/User.java') }
assert stale[0].contains('run mvn compile migration:generate -Dmessage="..." to include it. Nothing was written.')
assert stale[1].contains('run mvn compile migration:check to include it. Nothing was compared.')
assert stale.every { it.contains('-Dmigration.allowStaleSnapshot=true') }
def warned = lines.findAll { it.startsWith('[WARNING]') && it.contains('changed after the last compile') }
assert warned.size() == 1 && warned[0].contains('(going on: migration.allowStaleSnapshot=true)')
assert log.contains('The entities and the migrations agree.')

// The validated history generate and check keep under target/: every file but the newest (0002), each by name and
// the check of its bytes, for the plugin's own jars (an engine identity is there: the cache is in use).
File kept = new File(basedir, 'target/entity-migrations/validated-history')
assert kept.isFile() : 'generate and check keep the validated history under target/'
def header = new JsonSlurper().parseText(kept.readLines('UTF-8')[0])
// A file's check: the CRC-32C and CRC-32 of its bytes, 8 hexadecimal digits each.
def check = { String name ->
    byte[] bytes = new File(dir, name).bytes
    def c = new java.util.zip.CRC32C(); c.update(bytes)
    def d = new java.util.zip.CRC32(); d.update(bytes)
    String.format('%08x%08x', c.value, d.value)
}
// Each file by name and check, with its header; entries for the history without its newest file and for all of it.
assert header.files == [['0001_create_users.json', check('0001_create_users.json'), '0001', null, 'create users'],
                        ['0002_add_phone_and_orders.json', check('0002_add_phone_and_orders.json'), '0002', '0001',
                         'add phone and orders']] : "kept: ${header.files}"
assert header.entries*.files == [1, 2] : "entries: ${header.entries}"
assert header.engine && header.format == 4 && header.check ==~ /[0-9a-f]{16}/
assert !new File(basedir, 'target/entity-migrations').list().any { it.endsWith('.tmp') } : 'no temporary file left'
return true
