// After 5 (stamp refused) and 6 (stampUnverified): both migrations recorded as stamped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select stamped from entity_migrations_history')*.stamped.every { it == true || it == 1 }
} finally {
    c.close()
}
return true
