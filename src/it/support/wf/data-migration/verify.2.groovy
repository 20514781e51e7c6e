// After 2: 0001 applied; the rows whose names will be split.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {

    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'people') == ['id', 'full_name']
    Db.execute(c, "insert into people (id, full_name) values (1, 'Ada Lovelace'), (2, 'Alan Turing'), (3, 'Plato'), (4, 'Grace Brewster Hopper')")
} finally {
    c.close()
}
return true
