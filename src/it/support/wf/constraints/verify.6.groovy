// After 6 (upgrade again): 0002 back, enforced again.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
// PostgreSQL and MariaDB name the constraint in their messages; SQLite names its kind.
boolean server = !Db.isSqlite(basedir)
def c = Db.open(basedir)

def indexes = { String table -> Db.indexes(c, table) }
def foreignKeys = { String table -> Db.foreignKeys(c, table) }
try {

    assert Db.versions(c) == ['0001', '0002']
    assert foreignKeys('orders') == ['customer_id->customers.id']
    assert indexes('customers').contains('idx_customers_city:false:city')
    assert Db.failure(c, "insert into customers (id, email, city) values (3, 'alan@example.com', 'Paris')")?.contains(server ? 'uk_customers_email' : 'UNIQUE')
    assert Db.failure(c, "insert into orders (id, reference, customer_id) values (12, 'A-12', 42)")?.contains(server ? 'fk_orders_customer_id' : 'FOREIGN KEY')
} finally {
    c.close()
}
return true
