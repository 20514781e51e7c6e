// After 5 (upgrade of the edited 0003): every row backfilled, nickname NOT NULL.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003']
    assert Db.rows(c, 'select id, name, nickname from customers order by id') ==
            [[id: 1, name: 'Ada Lovelace', nickname: 'ada'], [id: 2, name: 'Grace Hopper', nickname: 'grace'],
             [id: 3, name: 'Alan Turing', nickname: 'alan']]
    assert nullable(Db, c, pg) == false
    assert Db.failure(c, "insert into customers (id, name) values (4, 'Edsger Dijkstra')")?.toLowerCase()?.contains('null')
} finally {
    c.close()
}
return true

static boolean nullable(Db, c, boolean pg) {
    pg ? Db.rows(c, "select is_nullable from information_schema.columns where table_name = 'customers' and column_name = 'nickname'")[0].is_nullable == 'YES'
       : Db.rows(c, 'pragma table_info(customers)').find { it.name == 'nickname' }.notnull == 0
}
