// After 4: 0002 applied; birthYear is text, every value converted ('1815'), none lost.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.postgres(Db.load(basedir))
try {

    assert Db.versions(c) == ['0001', '0002']
    assert Db.columns(c, 'authors') == ['id', 'birthyear', 'name']
    assert Db.rows(c, "select data_type as t from information_schema.columns where table_name = 'authors' and column_name = 'birthyear'")*.t == ['character varying']
    assert Db.rows(c, 'select id, birthYear as y from authors order by id').collect { [it.id as long, it.y] } == [[1L, '1815'], [2L, '1912'], [3L, null]]
    assert Db.rows(c, 'select name from authors order by id')*.name == ['Ada Lovelace', 'Alan Turing', 'Anonymous']
    // A text value that will have to convert back.
    Db.execute(c, "insert into authors (id, name, birthYear) values (4, 'Grace Hopper', '1906')")
} finally {
    c.close()
}
return true
