// After 2 (upgrade): 0001 applied on the server, with its version row.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.columns(c, 'orders') == ['id', 'customer_id', 'status', 'total']
    // MariaDB has sequences (as tables of type SEQUENCE), an auto_increment for identity, enum for STRING enums.
    assert Db.rows(c, "select table_type from information_schema.tables where table_schema = database() and table_name = 'customers_seq'")*.table_type == ['SEQUENCE']
    def column = { String table, String name -> Db.rows(c, "select column_type, extra from information_schema.columns where table_schema = database() and table_name = '${table}' and column_name = '${name}'")[0] }
    assert column('orders', 'id').extra == 'auto_increment'
    assert column('orders', 'total').column_type == 'decimal(38,2)'
    assert column('orders', 'status').column_type == "enum('NEW','PAID','SHIPPED')"
    def constraints = { String table -> Db.rows(c, "select constraint_name, constraint_type from information_schema.table_constraints where table_schema = database() and table_name = '${table}' ")
            .collect { "${it.constraint_name}:${it.constraint_type}".toString() }.sort() }
    assert constraints('customers') == ['PRIMARY:PRIMARY KEY', 'uk_customers_email:UNIQUE']
    assert constraints('orders') == ['PRIMARY:PRIMARY KEY', 'fk_orders_customer_id:FOREIGN KEY']

    def history = Db.rows(c, 'select * from entity_migrations_history')
    assert history.size() == 1
    def row = history[0]
    assert row.id == '0001' && row.message == 'create shop' && row.applied_by == db.user
    assert row.checksum ==~ /[0-9a-f]{64}/
    assert row.execution_ms >= 0

    // Enforced: the enum and the foreign key; auto_increment and the sequence give ids.
    assert Db.failure(c, "insert into orders (customer_id, status) values (1, 'LOST')")?.contains('status')
    assert Db.failure(c, "insert into orders (customer_id, status) values (42, 'NEW')")?.contains('fk_orders_customer_id')
    assert Db.rows(c, 'select nextval(customers_seq) as id')*.id.collect { it as long } == [1L]
} finally {
    c.close()
}
return true
