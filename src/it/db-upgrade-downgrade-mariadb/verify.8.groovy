// After 8 (stamp 0001, refused: the schema has 0002's phone column): nothing recorded.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
} finally {
    c.close()
}
return true
