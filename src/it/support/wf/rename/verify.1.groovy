// After 1: rows in clients and orders.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.tables(c) == ['clients', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'clients') == ['id', 'email', 'fullname']
    Db.execute(c, "insert into clients (id, fullName, email) values (1, 'Ada Lovelace', 'ada@example.com')")
    Db.execute(c, "insert into clients (id, fullName, email) values (2, 'Grace Hopper', null)")
    Db.execute(c, "insert into orders (id, client_id, item) values (10, 1, 'engine')")
    Db.execute(c, "insert into orders (id, client_id, item) values (11, 2, 'compiler')")
} finally {
    c.close()
}
return true
