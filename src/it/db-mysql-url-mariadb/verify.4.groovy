// After 4 (0002 through jdbc:mysql:): the phone column, both migrations recorded.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
    assert Db.versions(c) == ['0001', '0002']
} finally {
    c.close()
}
return true
