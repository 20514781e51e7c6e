// After 7 (a failure): the database is exactly as step 3 left it.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.tables(c) == ['customers', 'customers_seq', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, email from customers') == [[id: 1000, email: 'house@example.com']]
} finally {
    c.close()
}
return true
