// After 6: the filled 0003 applied; the names are split from full_name.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {

    assert Db.versions(c) == ['0001', '0002', '0003']
    assert Db.rows(c, "select message from entity_migrations_history where id = '0003'")*.message == ['split names']
    assert Db.rows(c, 'select id, full_name, first_name, last_name from people order by id').collect { [it.id as long, it.full_name, it.first_name, it.last_name] } == [[1L, 'Ada Lovelace', 'Ada', 'Lovelace'], [2L, 'Alan Turing', 'Alan', 'Turing'], [3L, 'Plato', 'Plato', null], [4L, 'Grace Brewster Hopper', 'Grace', 'Brewster Hopper']]
} finally {
    c.close()
}
return true
