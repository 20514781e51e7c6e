// After 9 (a failure): the schema, the data and the version table exactly as step 5 left them.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.rows(c, "select character_maximum_length as n from information_schema.columns where table_schema = database() and table_name = 'customers' and column_name = 'email'")*.n.collect { it as int } == [320]
    assert Db.rows(c, "select table_name from information_schema.tables where table_schema = database() and table_type = 'SEQUENCE'")*.table_name == ['customers_seq']
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, email from customers') == [[id: 1000, email: 'house@example.com']]
} finally {
    c.close()
}
return true
