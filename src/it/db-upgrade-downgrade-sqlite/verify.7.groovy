// After 7 (downgrade, default -1): back at 0001; the phone column is gone, every row and constraint stays.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.tables(c) == ['customers', 'customers_seq', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.versions(c) == ['0001']
    assert Db.rows(c, 'select id, email, name from customers order by id') ==
            [[id: 1, email: 'ada@example.com', name: 'Ada'], [id: 2, email: 'alan@example.com', name: 'Alan']]
    assert Db.rows(c, 'select customer_id, status from orders') == [[customer_id: 1, status: 'PAID']]
    assert Db.failure(c, "insert into customers (id, email) values (3, 'ada@example.com')")?.contains('UNIQUE')
    assert Db.rows(c, 'PRAGMA foreign_key_check').isEmpty()
} finally {
    c.close()
}
return true
