// After 2 (-P release migration:upgrade): 0001 applied, by the settings.xml server's user.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.tables(c) == ['accounts', 'entity_migrations_history']
    assert Db.columns(c, 'accounts') == ['id', 'balance', 'iban']
    assert Db.rows(c, 'select id, applied_by from entity_migrations_history') == [[id: '0001', applied_by: db.user]]
    assert Db.rows(c, "select tableowner from pg_tables where tablename = 'accounts'")*.tableowner == [db.user]
} finally {
    c.close()
}
return true
