// After 4 (upgrade, current, history): 0002 applied; rows for the downgrade to drop.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
    assert Db.rows(c, "select character_maximum_length as n from information_schema.columns where table_schema = database() and table_name = 'customers' and column_name = 'phone'")*.n.collect { it as int } == [30]
    assert Db.versions(c) == ['0001', '0002']
    Db.execute(c, "insert into customers (id, email, name, phone) values (1, 'ada@example.com', 'Ada', '555')")
    Db.execute(c, "insert into orders (customer_id, status, total) values (1, 'PAID', 12.50)")
    assert Db.failure(c, "insert into customers (id, email) values (2, 'ada@example.com')")?.contains('uk_customers_email')
} finally {
    c.close()
}
return true
