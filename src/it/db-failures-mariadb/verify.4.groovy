// After 4 (statement 3 of 0002 failed). MariaDB commits each DDL statement, so the runner undid what it had
// applied (the add_column; the sql step's insert ran in a transaction of its own, rolled back): the schema, the
// data and the version table exactly as after step 3.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name'] : 'the add_column of statement 1 was not undone'
    assert Db.rows(c, 'select count(*) as n from customers')*.n == [0] : 'the insert of statement 2 was not rolled back'
    assert Db.versions(c) == ['0001']
} finally {
    c.close()
}
return true
