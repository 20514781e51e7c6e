// The log: every goal ran through jdbc:mysql:, the password never printed. Then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    String where = "${db.mysqlUrl} as ${db.user}"
    assert !log.contains(db.password) : 'the password was printed'
    assert !log.contains('[ERROR]')

    assert info.any { it ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0001 \(head\)\./ }
    assert info.count('The entities and the migrations agree.') == 2
    assert info.contains("Current migration of ${where}: 0001".toString())
    assert info.any { it ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0002 \(head\)\./ }
    int history = info.indexOf("Migrations of ${where}:".toString())
    assert history >= 0
    assert info[history + 1] ==~ /  0001  applied .*  create shop/
    assert info[history + 2] ==~ /  0002  applied .*  add phone/
    assert info.any { it ==~ /Reverted 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0001\./ }
} finally {
    Db.drop(db)
}
return true
