// After 4: the online files applied to the tables with rows: the end schema of the simple form, rows intact.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003', '0004']
    assert Db.indexes(c, 'customers').contains('ix_customers_name:false:name')
    assert Db.foreignKeys(c, 'orders').size() == 1
    assert Db.rows(c, 'select id, email from customers order by id')*.email == ['ada@example.com', 'bob@example.com']
    // email is NOT NULL now, and the status check holds
    assert Db.failure(c, "insert into customers (id, name) values (3, 'Cy')") != null
    assert Db.failure(c, "insert into orders (id, customer_id, status) values (12, 1, 'LOST')") != null
    if (Db.isPostgres(basedir)) {
        assert Db.rows(c, 'select count(*) as n from pg_constraint where not convalidated')*.n == [0]
        assert Db.rows(c, 'select count(*) as n from pg_index where not indisvalid')*.n == [0]
        assert Db.rows(c, "select count(*) as n from pg_constraint where conname = 'customers_email_not_null'")*.n == [0]
        assert Db.rows(c, "select is_nullable from information_schema.columns where table_name = 'customers' "
                + "and column_name = 'email'")*.is_nullable == ['NO']
    }
} finally {
    c.close()
}
return true
