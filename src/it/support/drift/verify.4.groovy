// After 4 (reverted; drift clean; upgrade with verifyBefore): 0002 applied.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
} finally {
    c.close()
}
return true
