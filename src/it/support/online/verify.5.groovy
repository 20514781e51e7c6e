// After 5: every migration reverted, only the version table is left.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.open(basedir)
try {
    assert Db.versions(c) == []
    assert Db.tables(c) == ['entity_migrations_history']
} finally {
    c.close()
}
return true
