// After 4: the -D backfill filled level for every existing row; NOT NULL holds.
import groovy.json.JsonSlurper
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def m = new JsonSlurper().parse(new File(basedir, 'src/main/resources/db/migrations/0003_level.json'))
assert m.upgrade*.op == ['add_column', 'sql', 'alter_column']
assert m.upgrade[1].upgrade == ['*': ['update customers set level = length(name) where level is null']]
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003']
    assert Db.rows(c, 'select id, level from customers order by id') == [[id: 1, level: 12], [id: 2, level: 12], [id: 3, level: 11]]
    assert Db.failure(c, "insert into customers (id, name, nickname, status) values (9, 'x', 'x', 'x')")?.toLowerCase()?.contains('null')
} finally {
    c.close()
}
return true
