// After 4: both statements of the one string ran, on SQLite as on PostgreSQL.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, name from customers order by id') == [[id: 1, name: 'Alice'], [id: 2, name: 'Bob']]
} finally {
    c.close()
}
return true
