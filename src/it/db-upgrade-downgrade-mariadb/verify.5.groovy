// After 5 (downgrade -Dtarget=base): every table and the sequence gone; the version table stays, empty.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.tables(c) == ['entity_migrations_history']
    assert Db.versions(c).isEmpty()
    assert Db.rows(c, "select table_name from information_schema.tables where table_schema = database() and table_type = 'SEQUENCE'").isEmpty()
} finally {
    c.close()
}
return true
