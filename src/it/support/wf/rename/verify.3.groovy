// After 3 (upgrade): the new names, the same rows; the orders' foreign key now references customers.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean sqlite = Db.isSqlite(basedir)
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.tables(c) == ['customers', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'customers') == ['id', 'email', 'displayname']
    assert Db.rows(c, 'select id, displayName, email from customers order by id') ==
            [[id: 1, displayname: 'Ada Lovelace', email: 'ada@example.com'], [id: 2, displayname: 'Grace Hopper', email: null]]
    assert Db.rows(c, 'select o.item, c.displayName from orders o join customers c on c.id = o.client_id order by o.id') ==
            [[item: 'engine', displayname: 'Ada Lovelace'], [item: 'compiler', displayname: 'Grace Hopper']]
    assert Db.failure(c, "insert into orders (id, client_id, item) values (12, 42, 'nothing')") != null
    if (sqlite) {
        assert Db.rows(c, 'pragma foreign_key_list(orders)')*.table == ['customers']
    }
} finally {
    c.close()
}
return true
