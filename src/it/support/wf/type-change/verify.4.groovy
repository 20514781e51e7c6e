// After 4: 0002 applied; birthYear is text, every value converted ('1815'), none lost.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {

    assert Db.versions(c) == ['0001', '0002']
    assert Db.columns(c, 'authors') == ['id', 'birthyear', 'name']
    assert Db.columnTypes(c, basedir, 'authors', 'birthYear') == [postgres: ['character varying'], mariadb: ['varchar'], sqlite: ['text']][Db.kind(basedir)]
    assert Db.rows(c, 'select id, birthYear as y from authors order by id').collect { [it.id as long, it.y] } == [[1L, '1815'], [2L, '1912'], [3L, null]]
    assert Db.rows(c, 'select name from authors order by id')*.name == ['Ada Lovelace', 'Alan Turing', 'Anonymous']
    // A text value that will have to convert back.
    Db.execute(c, "insert into authors (id, name, birthYear) values (4, 'Grace Hopper', '1906')")
} finally {
    c.close()
}
return true
