// After 6 (upgrade with serverId): back at head, applied by the user of the settings.xml server.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
    assert Db.rows(c, 'select id, applied_by from entity_migrations_history order by id') ==
            [[id: '0001', applied_by: db.user], [id: '0002', applied_by: db.user]]
    assert Db.rows(c, 'select count(*) as n from customers')*.n == [0]
} finally {
    c.close()
}
return true
