// After 3 (upgrade): both applied, the data step ran.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, email from customers') == [[id: 1000, email: 'house@example.com']]
} finally {
    c.close()
}
return true
