// After 9: 0005 applied once the blocking session ended; then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert !log.contains(db.password) : 'the password was printed'
    def c = Db.postgres(db)
    try {
        assert Db.versions(c) == ['0001', '0002', '0003', '0004', '0005']
        assert Db.columns(c, 'customers').contains('phone')
    } finally {
        c.close()
    }
} finally {
    Db.dropPostgres(db)
}
return true
