// After 2: 0001 applied, no constraints yet; the rows the constraints will meet.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)

def indexes = { String table -> Db.indexes(c, table) }
def foreignKeys = { String table -> Db.foreignKeys(c, table) }
try {

    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'customers') == ['id', 'city', 'email']
    assert Db.columns(c, 'orders') == ['id', 'reference']
    assert foreignKeys('orders') == []
    assert !indexes('customers').any { it.contains('city') }
    Db.execute(c, "insert into customers (id, email, city) values (1, 'ada@example.com', 'London'), (2, 'alan@example.com', 'Manchester')")
    Db.execute(c, "insert into orders (id, reference) values (10, 'A-10'), (11, 'A-11')")
} finally {
    c.close()
}
return true
