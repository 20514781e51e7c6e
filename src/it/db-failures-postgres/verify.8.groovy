// After 8 (a failure): the schema, the data and the version table exactly as step 5 left them.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.rows(c, "select character_maximum_length as n from information_schema.columns where table_name = 'customers' and column_name = 'email'")*.n == [320]
    assert Db.rows(c, "select sequence_name from information_schema.sequences where sequence_name = 'customers_seq'").size() == 1
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, email from customers') == [[id: 1000, email: 'house@example.com']]
} finally {
    c.close()
}
return true
