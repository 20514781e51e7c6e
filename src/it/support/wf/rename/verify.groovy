// The log; on PostgreSQL and MariaDB the database is then dropped, whatever happened.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean server = !Db.isSqlite(basedir)
try {
    def info = new File(basedir, 'build.log').getText('UTF-8').readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    assert info.contains('Downgrading from 0002 to 0001: 1 migration(s)')
    assert info.count('Upgrading from 0001 to 0002: 1 migration(s)') == 2
} finally {
    if (server) {
        Db.drop(Db.load(basedir))
    }
}
return true
