import groovy.json.JsonSlurper

// 1 merge renumbered one branch to 0004 after the other; 2 check passed on the merged history; 3 a new
// SQLite database got all four; 4-5 a PostgreSQL database at 0002 got both branches. Then it is dropped.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
try {
    File dir = new File(basedir, 'src/main/resources/db/migrations')
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def names = (dir.list() as List).sort()
    assert names.size() == 4 : "expected four migrations, got $names"
    assert names[0..1] == ['0001_init.json', '0002_a.json']
    assert names[2] in ['0003_add_x.json', '0003_add_y.json'] : "0003: $names"
    String moved = names[2] == '0003_add_x.json' ? 'add_y' : 'add_x'
    assert names[3] == "0004_${moved}.json" : "expected the other branch as 0004, got $names"

    def read = { String name -> new JsonSlurper().parse(new File(dir, name)) }
    def kept = read(names[2])
    def renumbered = read(names[3])
    assert kept.id == '0003' && kept.parent == '0002'
    assert renumbered.id == '0004'
    assert renumbered.parent == '0003' : "0004 should follow 0003, not ${renumbered.parent}"
    assert renumbered.message == (moved == 'add_y' ? 'add y' : 'add x')
    // Same steps as before, only the number and the parent changed.
    def column = moved == 'add_y' ? [table: 'orders', name: 'note'] : [table: 'users', name: 'nickname']
    assert renumbered.upgrade*.op == ['add_column']
    assert renumbered.upgrade[0].table == column.table && renumbered.upgrade[0].column.name == column.name
    assert renumbered.downgrade*.op == ['drop_column']

    assert log.contains("Renumbered 0003_${moved}.json to 0004_${moved}.json (now follows 0003)")
    assert log.contains('The entities and the migrations agree') : 'step 2: check should pass after the merge'

    def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
    // 3. SQLite, from base.
    assert info.contains('Upgrading from base to 0004: 4 migration(s)')
    def lite = Db.sqlite(basedir)
    try {
        assert Db.versions(lite) == ['0001', '0002', '0003', '0004']
        assert 'nickname' in Db.columns(lite, 'users') && 'note' in Db.columns(lite, 'orders')
    } finally {
        lite.close()
    }
    // 4-5. PostgreSQL, from the common 0002: both branches, in the merged order; history shows all four.
    assert info.contains('Upgrading from base to 0002: 2 migration(s)')
    int both = info.indexOf('Upgrading from 0002 to 0004: 2 migration(s)')
    assert both >= 0 : 'the PostgreSQL database at 0002 should get both branches'
    assert info[both + 1].startsWith('Applying 0003 ') && info[both + 3].startsWith("Applying 0004 ${renumbered.message} ")
    assert info.any { it ==~ /  0004  applied .*  ${renumbered.message}/ }
    def pg = Db.postgres(db)
    try {
        assert Db.versions(pg) == ['0001', '0002', '0003', '0004']
        assert 'nickname' in Db.columns(pg, 'users') && 'note' in Db.columns(pg, 'orders')
    } finally {
        pg.close()
    }
} finally {
    Db.dropPostgres(db)
}
return true
