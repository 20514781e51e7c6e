// After 2 (upgrade): 0001 applied to the default SQLite file, with its version row.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    // Hibernate's SQLite dialect keeps a sequence as a one-row table holding the next value.
    assert Db.tables(c) == ['customers', 'customers_seq', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.columns(c, 'orders') == ['id', 'customer_id', 'status', 'total']
    assert Db.rows(c, 'select next_val from customers_seq')*.next_val == [1]

    def history = Db.rows(c, 'select * from entity_migrations_history')
    assert history.size() == 1
    def row = history[0]
    assert row.id == '0001' && row.message == 'create shop'
    assert row.checksum ==~ /[0-9a-f]{64}/
    assert row.applied_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d.*Z/
    assert row.applied_by
    assert row.execution_ms >= 0

    // The constraints are there and enforced: unique email, the enum check, the foreign key.
    Db.execute(c, "insert into customers (id, email, name) values (1, 'ada@example.com', 'Ada')")
    assert Db.failure(c, "insert into customers (id, email) values (2, 'ada@example.com')")?.contains('UNIQUE')
    assert Db.failure(c, "insert into orders (customer_id, status) values (1, 'LOST')")?.contains('CHECK')
    assert Db.failure(c, "insert into orders (customer_id, status) values (42, 'NEW')")?.contains('FOREIGN KEY')
    // The identity column: ids come from the database.
    Db.execute(c, "insert into orders (customer_id, status, total) values (1, 'PAID', 12.50)")
    assert Db.rows(c, 'select id, status from orders') == [[id: 1, status: 'PAID']]
} finally {
    c.close()
}
return true
