// After 6: up again from base, to the same schema as after 4 (without rows).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003', '0004']
    assert Db.indexes(c, 'customers').any { it.contains('ix_customers_name') }
    assert Db.rows(c, "select count(*) as n from pg_constraint where not convalidated")*.n == [0]
} finally {
    c.close()
}
return true
