// After 4 (downgrade -1): books gone, authors and their rows kept, back at 0001.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.tables(c) == ['authors', 'entity_migrations_history']
    assert Db.versions(c) == ['0001']
    assert Db.rows(c, 'select name from authors')*.name == ['Ursula']
} finally {
    c.close()
}
return true
