// After 8 (downgrade -1): back at 0001; integers again, the values kept.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {

    assert Db.versions(c) == ['0001']
    assert Db.columnTypes(c, basedir, 'authors', 'birthYear') == [postgres: ['integer'], mariadb: ['int'], sqlite: ['integer']][Db.kind(basedir)]
    assert Db.rows(c, 'select id, birthYear as y from authors order by id').collect { [it.id as long, it.y] } == [[1L, 1815], [2L, 1912], [3L, null], [4L, 1906]]
    assert Db.rows(c, 'select name from authors order by id')*.name == ['Ada Lovelace', 'Alan Turing', 'Anonymous', 'Grace Hopper']
} finally {
    c.close()
}
return true
