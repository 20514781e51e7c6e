// After 2 (upgrade through jdbc:mysql:): the MySQL flavour's schema, with its version row.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    // MySQL has no sequences: customers_seq is Hibernate's one-row table holding the next value.
    assert Db.tables(c) == ['customers', 'customers_seq', 'entity_migrations_history', 'orders']
    assert Db.rows(c, 'select next_val from customers_seq')*.next_val.collect { it as long } == [1L]
    assert Db.rows(c, "select table_type from information_schema.tables where table_schema = database() and table_type = 'SEQUENCE'").isEmpty()
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    def column = { String table, String name -> Db.rows(c, "select column_type, extra from information_schema.columns where table_schema = database() and table_name = '${table}' and column_name = '${name}'")[0] }
    assert column('orders', 'id').extra == 'auto_increment'
    assert column('orders', 'status').column_type == "enum('NEW','PAID','SHIPPED')"
    assert Db.foreignKeys(c, 'orders') == ['customer_id->customers.id']
    def row = Db.rows(c, 'select * from entity_migrations_history')
    // The user as the server knows it, without the @host MySQL Connector/J adds (both drivers record the same).
    String appliedBy = row[0].applied_by
    String user = db.user
    assert row*.id == ['0001'] && appliedBy == user
    assert Db.failure(c, "insert into orders (customer_id, status) values (42, 'NEW')")?.contains('fk_orders_customer_id')
} finally {
    c.close()
}
return true
