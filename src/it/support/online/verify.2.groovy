// After 2: 0001 applied; the rows the online changes will meet (every change accepts them).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001']
    Db.execute(c, "insert into customers (id, email, name) values (1, 'ada@example.com', 'Ada'), (2, 'bob@example.com', 'Bob')")
    Db.execute(c, "insert into orders (id, customer_id, status) values (10, 1, 'NEW'), (11, 2, 'PAID')")
} finally {
    c.close()
}
return true
