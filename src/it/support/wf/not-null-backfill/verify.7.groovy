// After 7 (upgrade again): at 0003, NOT NULL, the rows as they were.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003']
    assert Db.rows(c, 'select nickname from customers order by id')*.nickname == ['ada', 'grace', 'alan']
    assert (pg ? Db.rows(c, "select is_nullable from information_schema.columns where table_name = 'customers' and column_name = 'nickname'")[0].is_nullable == 'NO'
               : Db.rows(c, 'pragma table_info(customers)').find { it.name == 'nickname' }.notnull == 1)
} finally {
    c.close()
}
return true
