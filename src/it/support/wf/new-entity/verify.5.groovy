// After 5 (upgrade again): books back, empty, with its default and cascade.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.tables(c) == ['authors', 'books', 'entity_migrations_history']
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select count(*) as n from books')*.n == [0]
    Db.execute(c, "insert into books (id, author_id, title) select ${[postgres: 'gen_random_uuid()', mariadb: 'uuid()', sqlite: "x'55'"][Db.kind(basedir)]}, id, 'The Dispossessed' from authors")
    assert Db.rows(c, 'select count(*) as n from books where created_at is not null')*.n == [1]
    Db.execute(c, 'delete from authors')
    assert Db.rows(c, 'select count(*) as n from books')*.n == [0]
} finally {
    c.close()
}
return true
