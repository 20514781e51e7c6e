// After 3 (refused): nothing of 0002 ran.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001']
    assert Db.rows(c, 'select count(*) as n from customers') == [[n: 0]]
} finally {
    c.close()
}
return true
