// After 2 (generate): review the generated 0002 as a user would before applying it.
import groovy.json.JsonSlurper
def dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().sort() == ['0001_create_authors.json', '0002_add_books.json']
def m = new JsonSlurper().parse(new File(dir, '0002_add_books.json'))
assert m.id == '0002' && m.parent == '0001' && m.message == 'add books'
assert !m.warnings : "a new table needs no warning: ${m.warnings}"
assert m.upgrade*.op == ['create_table']
def t = m.upgrade[0].table
assert t.name == 'books'
def cols = t.columns.collectEntries { [it.name, it] }
assert cols.keySet() == ['id', 'author_id', 'created_at', 'genres', 'metadata', 'title'] as Set
assert cols.id.type == 'UUID' && !cols.id.nullable
assert cols.created_at.defaultValue == 'current_timestamp' && !cols.created_at.nullable
assert cols.metadata.type == 'JSON' && cols.metadata.nullable
// A basic array (Hibernate 6.6 here: a varbinary of the column's length where a database has no arrays).
assert cols.genres.type == 'VARCHAR(40) ARRAY(40)' && cols.genres.nullable
assert t.primaryKey.columns == ['id']
assert t.foreignKeys.size() == 1
def fk = t.foreignKeys[0]
assert fk.columns == ['author_id'] && fk.referencedTable == 'authors' && fk.referencedColumns == ['id'] && fk.onDelete == 'CASCADE'
// The downgrade is the exact reverse.
assert m.downgrade*.op == ['drop_table'] && m.downgrade[0].table == t
return true
