// After 6: up again from base.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003', '0004']
    assert Db.indexes(c, 'customers').contains('ix_customers_name:false:name')
    assert Db.foreignKeys(c, 'orders').size() == 1
} finally {
    c.close()
}
return true
