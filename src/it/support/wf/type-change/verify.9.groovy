// After 9 (upgrade to head): at 0003, integers, the values kept.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {

    assert Db.versions(c) == ['0001', '0002', '0003']
    assert Db.columnTypes(c, basedir, 'authors', 'birthYear') == [postgres: ['integer'], mariadb: ['int'], sqlite: ['integer']][Db.kind(basedir)]
    assert Db.rows(c, 'select id, birthYear as y from authors order by id').collect { [it.id as long, it.y] } == [[1L, 1815], [2L, 1912], [3L, null], [4L, 1906]]
} finally {
    c.close()
}
return true
