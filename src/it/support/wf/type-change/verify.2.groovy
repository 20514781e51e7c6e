// After 2: 0001 applied, birthYear an integer column; the rows the type changes must keep.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {

    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'authors') == ['id', 'birthyear', 'name']
    Db.execute(c, "insert into authors (id, name, birthYear) values (1, 'Ada Lovelace', 1815), (2, 'Alan Turing', 1912), (3, 'Anonymous', null)")
    assert Db.columnTypes(c, basedir, 'authors', 'birthYear') == [postgres: ['integer'], mariadb: ['int'], sqlite: ['integer']][Db.kind(basedir)]
    assert Db.rows(c, 'select id, birthYear as y from authors order by id').collect { [it.id as long, it.y] } == [[1L, 1815], [2L, 1912], [3L, null]]
} finally {
    c.close()
}
return true
