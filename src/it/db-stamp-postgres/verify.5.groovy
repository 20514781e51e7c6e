// After 5 (stamp -Dtarget=0001): 0001 recorded as applied, without running anything.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    def rows = Db.rows(c, 'select id, message, checksum, applied_by, execution_ms, stamped from entity_migrations_history')
    assert rows.size() == 1
    assert rows[0].id == '0001' && rows[0].message == 'create shop' && rows[0].execution_ms == 0
    assert rows[0].applied_by == db.user && rows[0].stamped == true
    assert rows[0].checksum ==~ /[0-9a-f]{64}/
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.rows(c, 'select count(*) as n from orders')*.n == [1]
} finally {
    c.close()
}
return true
