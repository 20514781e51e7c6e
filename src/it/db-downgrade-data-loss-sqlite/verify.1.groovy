// After 1: both applied; rows the downgrade of 0002 would destroy.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    Db.execute(c, "insert into customer (id, name, phone) values (1, 'Ada', '555'), (2, 'Alan', null), (3, 'Grace', '556')")
    Db.execute(c, "insert into note (id, text) values (1, 'call Ada'), (2, 'call Grace')")
} finally {
    c.close()
}
return true
