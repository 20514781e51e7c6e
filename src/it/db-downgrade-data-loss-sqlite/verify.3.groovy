// After 3 (allowed): 0002 reverted, the phones and notes gone, the customers kept; then customer emptied.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001']
    assert Db.tables(c) == ['customer', 'entity_migrations_history']
    assert Db.columns(c, 'customer') == ['id', 'name']
    assert Db.rows(c, 'select name from customer order by id')*.name == ['Ada', 'Alan', 'Grace']
    Db.execute(c, 'delete from customer')
} finally {
    c.close()
}
return true
