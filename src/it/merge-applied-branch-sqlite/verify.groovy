// 1 applied y's 0003; 3 refused, naming the renumbering and the way back; 4 reverted it with the old files;
// 5 applied 0003 (x) and 0004 (y).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
String where = 'jdbc:sqlite:' + new File(basedir, 'entity-migrations.db').path
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def info = lines.findAll { it.startsWith('[INFO] ') }*.substring(7)

// 1.
assert info.contains('Upgrading from base to 0003: 3 migration(s)')
// 2.
assert log.contains('Renumbered 0003_add_y.json to 0004_add_y.json (now follows 0003)')
// 3. One error line with what happened and the exact commands.
def refused = lines.find { it.startsWith('[ERROR]') && it.contains('do not match the files, so nothing was run') }
assert refused != null : 'step 3 should refuse the database'
int at = lines.indexOf(refused)
String problem = lines[at + 1]
assert problem.contains('Migration 0003 in the database ("add y", applied on ')
assert problem.contains(') is now 0004_add_y.json: it was renumbered (by migration:merge?) after it was applied here')
assert problem.contains('mvn migration:downgrade -Dtarget=0002 -Dmigration.directory=<that checkout>/src/main/resources/db/migrations, then mvn migration:upgrade')
assert !log.contains('Applying 0004') || log.indexOf('Applying 0004') > at : 'nothing may run in step 3'
// 4.
assert info.contains('Downgrading from 0003 to 0002: 1 migration(s)')
// 5.
int up = info.indexOf('Upgrading from 0002 to 0004: 2 migration(s)')
assert up >= 0
assert info[up + 1].startsWith('Applying 0003 add x') && info[up + 3].startsWith('Applying 0004 add y')
assert info.any { it ==~ /  0003  applied .*  add x/ } && info.any { it ==~ /  0004  applied .*  add y/ }

def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003', '0004']
    assert 'nickname' in Db.columns(c, 'users') && 'note' in Db.columns(c, 'orders')
} finally {
    c.close()
}
return true
