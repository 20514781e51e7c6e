// After 3 (upgrade with verifyBefore, refused): 0002 was written but not applied.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
assert new File(basedir, 'src/main/resources/db/migrations').list().sort() == ['0001_create_shop.json', '0002_add_phone.json']
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001']
    assert !Db.columns(c, 'customers').contains('phone')
} finally {
    c.close()
}
return true
