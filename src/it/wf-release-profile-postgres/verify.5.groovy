// After 5: still at 0001, accounts unchanged (no currency column).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'accounts') == ['id', 'balance', 'iban']
} finally {
    c.close()
}
return true
