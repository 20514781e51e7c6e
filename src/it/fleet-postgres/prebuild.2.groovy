// Before 2: tenant_c has a customer without a name, which 0002 (name NOT NULL) cannot accept.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgresAsOwner(db)
try {
    Db.execute(c, "insert into tenant_c.customer (id, name) values (1, null)")
    Db.execute(c, "insert into tenant_a.customer (id, name) values (1, 'Ada')")
} finally {
    c.close()
}
return true
