// After 5 (downgrade -1): back at 0001; the constraints and customer_id are gone, the rows stay.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)

def indexes = { String table -> Db.indexes(c, table) }
def foreignKeys = { String table -> Db.foreignKeys(c, table) }
try {

    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'orders') == ['id', 'reference']
    assert foreignKeys('orders') == []
    assert !indexes('customers').any { it.contains('city') || it.endsWith(':true:email') } : indexes('customers')
    assert Db.rows(c, 'select id from customers order by id').collect { it.id as long } == [1L, 2L]
    assert Db.rows(c, 'select id from orders order by id').collect { it.id as long } == [10L, 11L]
} finally {
    c.close()
}
return true
