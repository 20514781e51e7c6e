// The log: the generate warned, every step ran, ending at 0002. Then the database is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    String where = "${db.url} as ${db.user}"
    assert new File(basedir, 'src/main/resources/db/migrations').list().sort() == ['0001_create_shop.json', '0002_constrain_shop.json']
    assert log.readLines().findAll { it ==~ /\[WARNING\] step \d+ \(data\): .*/ }.size() == 2
    assert info.contains("Current migration of ${where}: 0002".toString())
    int history = info.findLastIndexOf { it == "Migrations of ${where}:".toString() }
    assert info[history + 1] ==~ /  0001  applied .*  create shop/
    assert info[history + 2] ==~ /  0002  applied .*  constrain shop/
    assert !log.contains('[ERROR]')
} finally {
    Db.drop(db)
}
return true
