// After 9 (stamp 0001, unverified): recorded as the current migration, nothing run: 0002's phone column is still there.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
} finally {
    c.close()
}
return true
