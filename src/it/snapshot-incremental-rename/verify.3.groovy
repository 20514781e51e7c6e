// After 3: only Note.java was recompiled, Client came from its class file; 0002 renames the table and the
// column and adds the two new columns (status with its default): nothing dropped, nothing re-created.
import groovy.json.JsonSlurper
String log = new File(basedir, 'build.log').getText('UTF-8')
// build.log holds every invocation: 2 sources, then 1 (Client.java), then 1 (Note.java).
assert log.count('Compiling 1 source file') == 2 : 'the third build should recompile only Note.java'
File classes = new File(basedir, 'target/classes/com/example/crm')
assert new File(classes, 'Client.class').lastModified() < new File(classes, 'Note.class').lastModified() :
        'Client.class should come from the second build, not be recompiled'
def dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().sort() == ['0001_create_clients_and_notes.json', '0002_rename_clients_note_titles.json']
File file = new File(dir, '0002_rename_clients_note_titles.json')
def m = new JsonSlurper().parse(file)
assert m.upgrade*.op.sort() == ['add_column', 'add_column', 'rename_column', 'rename_table'] : "0002: ${m.upgrade}"
def added = m.upgrade.findAll { it.op == 'add_column' }.collectEntries { [(it.table): it.column] }
assert added.Note == [name: 'title', nullable: true, type: 'VARCHAR(255)']
assert added.customers == [name: 'status', nullable: true, type: 'VARCHAR(20)', defaultValue: "'active'"]
// The downgrade drops only the two added columns and renames back.
assert m.downgrade*.op == ['drop_column', 'drop_column', 'rename_column', 'rename_table'] : "0002: ${m.downgrade}"
assert log.contains('The entities and the migrations agree.') : 'migration:check should agree with the migrations'
return true
