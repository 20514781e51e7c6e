// After 5 (down to 0001): status and level gone, nickname nullable again, the filled nicknames kept.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'customers') == ['id', 'name', 'nickname']
    assert Db.rows(c, 'select nickname from customers order by id')*.nickname == ['ada', 'grace hopper', 'alan turing']
    Db.execute(c, "insert into customers (id, name) values (4, 'Edsger Dijkstra')")
} finally {
    c.close()
}
return true
