// After 4: 0002 applied; first_name and last_name are there, empty.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {

    assert Db.versions(c) == ['0001', '0002']
    assert Db.columns(c, 'people') == ['id', 'full_name', 'first_name', 'last_name']
    assert Db.rows(c, 'select id, full_name, first_name, last_name from people order by id').collect { [it.id as long, it.full_name, it.first_name, it.last_name] } == [[1L, 'Ada Lovelace', null, null], [2L, 'Alan Turing', null, null], [3L, 'Plato', null, null], [4L, 'Grace Brewster Hopper', null, null]]
} finally {
    c.close()
}
return true
