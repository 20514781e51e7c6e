// The end; on PostgreSQL the database is then dropped, whatever happened.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
try {
    def info = new File(basedir, 'build.log').getText('UTF-8').readLines()
    assert info.any { it.startsWith('[INFO] Wrote ') && it.contains('0003_level.json') }
} finally {
    if (pg) {
        Db.dropPostgres(Db.load(basedir))
    }
}
return true
