// After 2 (upgrade): 0001 applied on the server, with its version row.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name']
    assert Db.columns(c, 'orders') == ['id', 'customer_id', 'status', 'total']
    assert Db.rows(c, "select sequence_name, increment from information_schema.sequences where sequence_name = 'customers_seq'") ==
            [[sequence_name: 'customers_seq', increment: '1']]
    assert Db.rows(c, "select is_identity from information_schema.columns where table_name = 'orders' and column_name = 'id'")*.is_identity == ['YES']
    assert Db.rows(c, "select data_type, numeric_precision, numeric_scale from information_schema.columns where table_name = 'orders' and column_name = 'total'") ==
            [[data_type: 'numeric', numeric_precision: 38, numeric_scale: 2]]
    def constraints = { String table -> Db.rows(c, "select conname, contype from pg_constraint where conrelid = '${table}'::regclass order by conname")
            .collect { "${it.conname}:${it.contype}".toString() } }
    assert constraints('customers') == ['pk_customers:p', 'uk_customers_email:u']
    assert constraints('orders') == ['ck_orders_status:c', 'fk_orders_customer_id:f', 'pk_orders:p']
    // The tables belong to the role that ran the migration.
    assert Db.rows(c, "select tableowner from pg_tables where schemaname = 'public' order by tablename")*.tableowner.unique() == [db.user]

    def history = Db.rows(c, 'select * from entity_migrations_history')
    assert history.size() == 1
    def row = history[0]
    assert row.id == '0001' && row.message == 'create shop' && row.applied_by == db.user
    assert row.checksum ==~ /[0-9a-f]{64}/
    assert row.execution_ms >= 0

    // Enforced: the enum check and the foreign key; identity and the sequence give ids.
    assert Db.failure(c, "insert into orders (customer_id, status) values (1, 'LOST')")?.contains('ck_orders_status')
    assert Db.failure(c, "insert into orders (customer_id, status) values (42, 'NEW')")?.contains('fk_orders_customer_id')
    assert Db.rows(c, "select nextval('customers_seq') as id")*.id == [1]
} finally {
    c.close()
}
return true
