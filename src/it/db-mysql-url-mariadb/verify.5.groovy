// After 5 (downgrade -1 through jdbc:mysql:): the phone column gone, 0001 kept.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.versions(c) == ['0001']
    assert Db.tables(c) == ['customers', 'customers_seq', 'entity_migrations_history', 'orders']
} finally {
    c.close()
}
return true
