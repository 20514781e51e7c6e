// After 2 (refused): nothing ran, every row is there.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.columns(c, 'customer') == ['id', 'name', 'phone']
    assert Db.rows(c, 'select id, phone from customer order by id')*.phone == ['555', null, '556']
    assert Db.rows(c, 'select count(*) as n from note')*.n == [2]
} finally {
    c.close()
}
return true
