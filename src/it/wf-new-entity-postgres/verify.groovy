// The log of the whole workflow, then the database is dropped, whatever happened.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    String where = "${db.url} as ${db.user}"
    assert !log.contains(db.password) : 'the password was printed'
    assert info.contains('  1. create table books (6 columns)')
    assert info.contains('Downgrading from 0002 to 0001: 1 migration(s)')
    assert info.contains("Current migration of ${where}: 0001".toString())
    assert info.contains("Current migration of ${where}: 0002".toString())
    assert info.count('Upgrading from 0001 to 0002: 1 migration(s)') == 2
    int history = info.indexOf("Migrations of ${where}:".toString())
    assert info[history + 1] ==~ /  0001  applied .*  create authors/
    assert info[history + 2] ==~ /  0002  applied .*  add books/
    assert info[history + 3] == '  current: 0002 (head)'
} finally {
    Db.dropPostgres(db)
}
return true
