// After 1: customers created; rows inserted, two of them without a nickname.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'customers') == ['id', 'name', 'nickname']
    Db.execute(c, "insert into customers (id, name, nickname) values (1, 'Ada Lovelace', 'ada')")
    Db.execute(c, "insert into customers (id, name) values (2, 'Grace Hopper')")
    Db.execute(c, "insert into customers (id, name, nickname) values (3, 'Alan Turing', null)")
} finally {
    c.close()
}
return true
