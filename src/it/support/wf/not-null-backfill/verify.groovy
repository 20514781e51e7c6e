// The log; on PostgreSQL the database is then dropped, whatever happened.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
try {
    def info = new File(basedir, 'build.log').getText('UTF-8').readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    assert info.any { it ==~ /Applying 0003 nickname not null \(2 statement\(s\)\)/ } ||
           info.any { it ==~ /Applying 0003 nickname not null \(\d+ statement\(s\)\)/ }
    assert info.contains('Downgrading from 0003 to 0002: 1 migration(s)')
    int history = info.findIndexOf { it.startsWith('Migrations of ') }
    assert info[history + 3] ==~ /  0003  applied .*  nickname not null/
    assert info[history + 4] == '  current: 0003 (head)'
} finally {
    if (pg) {
        Db.dropPostgres(Db.load(basedir))
    }
}
return true
