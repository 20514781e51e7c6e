// After 6 (downgrade -1): nickname nullable again, the backfilled values kept.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select nickname from customers order by id')*.nickname == ['ada', 'grace', 'alan']
    assert (pg ? Db.rows(c, "select is_nullable from information_schema.columns where table_name = 'customers' and column_name = 'nickname'")[0].is_nullable == 'YES'
               : Db.rows(c, 'pragma table_info(customers)').find { it.name == 'nickname' }.notnull == 0)
} finally {
    c.close()
}
return true
