// After 4 (upgrade -Dtarget=+1): 0002 applied, the phone column added, the rows of step 2 still there.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, "select message from entity_migrations_history where id = '0002'")*.message == ['add phone']
    assert Db.rows(c, 'select email from customers')*.email == ['ada@example.com']
    // Rows the downgrade must keep (all but the phone).
    Db.execute(c, "update customers set phone = '+44 20 7946 0000' where id = 1")
    Db.execute(c, "insert into customers (id, email, name, phone) values (2, 'alan@example.com', 'Alan', '555')")
} finally {
    c.close()
}
return true
