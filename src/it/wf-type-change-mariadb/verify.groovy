// The log: every step ran, ending at 0003. Then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    String where = "${db.url} as ${db.user}"
    assert new File(basedir, 'src/main/resources/db/migrations').list().sort() ==
            ['0001_create_authors.json', '0002_birth_year_as_text.json', '0003_birth_year_as_number.json']
    assert info.findAll { it.startsWith('Reverted 1 migration(s)') }.size() == 2
    assert info.contains("Current migration of ${where}: 0003".toString())
    int history = info.findLastIndexOf { it == "Migrations of ${where}:".toString() }
    assert history >= 0
    assert info[history + 1] ==~ /  0001  applied .*  create authors/
    assert info[history + 2] ==~ /  0002  applied .*  birth year as text/
    assert info[history + 3] ==~ /  0003  applied .*  birth year as number/
    assert info[history + 4] == '  current: 0003 (head)'
    assert !log.contains('[ERROR]')
    assert !log.contains(db.password)
} finally {
    Db.drop(db)
}
return true
