// After 4 (downgrade -1): the old names, with the data.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean sqlite = Db.isSqlite(basedir)
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001']
    assert Db.tables(c) == ['clients', 'entity_migrations_history', 'orders']
    assert Db.columns(c, 'clients') == ['id', 'email', 'fullname']
    assert Db.rows(c, 'select id, fullName, email from clients order by id') ==
            [[id: 1, fullname: 'Ada Lovelace', email: 'ada@example.com'], [id: 2, fullname: 'Grace Hopper', email: null]]
    assert Db.rows(c, 'select o.item, c.fullName from orders o join clients c on c.id = o.client_id order by o.id') ==
            [[item: 'engine', fullname: 'Ada Lovelace'], [item: 'compiler', fullname: 'Grace Hopper']]
    if (sqlite) {
        assert Db.rows(c, 'pragma foreign_key_list(orders)')*.table == ['clients']
    }
} finally {
    c.close()
}
return true
