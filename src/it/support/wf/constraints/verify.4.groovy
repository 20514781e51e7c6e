// After 4: 0002 applied to tables with rows; unique email, the city index and the foreign key are there (JDBC metadata) and enforced.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
// PostgreSQL and MariaDB name the constraint in their messages; SQLite names its kind.
boolean server = !Db.isSqlite(basedir)
def c = Db.open(basedir)

def indexes = { String table -> Db.indexes(c, table) }
def foreignKeys = { String table -> Db.foreignKeys(c, table) }
try {

    assert Db.versions(c) == ['0001', '0002']
    // (The SQLite rebuild for the foreign key writes the columns in entity order, so compare them as a set.)
    assert Db.columns(c, 'orders').sort() == ['customer_id', 'id', 'reference']
    def idx = indexes('customers')
    assert idx.contains('idx_customers_city:false:city') : idx
    assert idx.any { it.endsWith(':true:email') } : idx
    assert foreignKeys('orders') == ['customer_id->customers.id']
    // The rows are all there; the existing orders have no customer yet.
    assert Db.rows(c, 'select id, email, city from customers order by id') ==
            [[id: 1, email: 'ada@example.com', city: 'London'], [id: 2, email: 'alan@example.com', city: 'Manchester']]
    assert Db.rows(c, 'select id, reference, customer_id from orders order by id').collect { [it.id as long, it.reference, it.customer_id] } ==
            [[10L, 'A-10', null], [11L, 'A-11', null]]
    // Enforced: a duplicate email and an orphan order are rejected; a real reference is accepted.
    assert Db.failure(c, "insert into customers (id, email, city) values (3, 'ada@example.com', 'Paris')")?.contains(server ? 'uk_customers_email' : 'UNIQUE')
    assert Db.failure(c, "insert into orders (id, reference, customer_id) values (12, 'A-12', 42)")?.contains(server ? 'fk_orders_customer_id' : 'FOREIGN KEY')
    assert Db.failure(c, "update orders set customer_id = 1 where id = 10") == null
    assert Db.failure(c, "delete from customers where id = 1")?.contains(server ? 'fk_orders_customer_id' : 'FOREIGN KEY')
    assert Db.rows(c, 'select count(*) as n from customers')*.n.collect { it as int } == [2]
} finally {
    c.close()
}
return true
