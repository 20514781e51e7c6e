// After 5 (downgrade -Dtarget=base): every table and the sequence gone; the version table stays, empty.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.tables(c) == ['entity_migrations_history']
    assert Db.versions(c).isEmpty()
    assert Db.rows(c, "select sequence_name from information_schema.sequences where sequence_schema = 'public'").isEmpty()
} finally {
    c.close()
}
return true
