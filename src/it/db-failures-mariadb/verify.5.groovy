// After 5 (the fixed 0002 applied).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, email from customers') == [[id: 1000, email: 'house@example.com']]
} finally {
    c.close()
}
return true
