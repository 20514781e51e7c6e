// After 4 (a statement of 0002 failed): rolled back entirely; the schema and the version table as after 3.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name'] : 'the alter table of statement 2 was not rolled back'
    assert Db.rows(c, 'select count(*) as n from customers')*.n == [0] : 'the insert of statement 1 was not rolled back'
    assert Db.versions(c) == ['0001']
} finally {
    c.close()
}
return true
