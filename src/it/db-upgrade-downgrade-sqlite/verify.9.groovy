// After 9 (upgrade, default head): 0002 again; the column is back, empty, beside the kept rows.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, phone from customers order by id') == [[id: 1, phone: null], [id: 2, phone: null]]
} finally {
    c.close()
}
return true
