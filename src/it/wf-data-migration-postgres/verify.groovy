// The log: the revision, the sql step applied and reverted, ending at 0003. Then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String where = "${db.url} as ${db.user}"
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    assert log.contains('0003_split_names.json: an empty migration.')
    assert info.any { it ==~ /Applying 0003 split names \(1 statement\(s\)\)/ } : 'the dialect picks one statement'
    assert info.any { it ==~ /Reverting 0003 split names \(1 statement\(s\)\)/ }
    assert info.contains("Current migration of ${where}: 0003".toString())
    int history = info.findLastIndexOf { it == "Migrations of ${where}:".toString() }
    assert info[history + 1] ==~ /  0001  applied .*  create people/
    assert info[history + 2] ==~ /  0002  applied .*  add name parts/
    assert info[history + 3] ==~ /  0003  applied .*  split names/
    assert info[history + 4] == '  current: 0003 (head)'
    assert !log.contains('[ERROR]')
} finally {
    Db.dropPostgres(db)
}
return true
