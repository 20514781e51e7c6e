// After 4 (upgrade, refused): nothing ran; no version table was created, the schema and rows are as before.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.postgres(Db.load(basedir))
try {
    assert Db.tables(c) == ['customers', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.rows(c, 'select email from customers')*.email == ['ada@example.com']
} finally {
    c.close()
}
return true
