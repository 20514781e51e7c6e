// After 5 (upgrade again): the new names and the rows; generate found nothing to write.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select displayName from customers order by id')*.displayname == ['Ada Lovelace', 'Grace Hopper']
    assert new File(basedir, 'src/main/resources/db/migrations').list().length == 2
} finally {
    c.close()
}
return true
