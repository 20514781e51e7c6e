// merge failed (invoker.buildResult = failure): both branches add a column to users.
File dir = new File(basedir, 'src/main/resources/db/migrations')
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
int start = lines.findIndexOf { it.contains('Both branches change the same objects') }
assert start >= 0 : 'expected "Both branches change the same objects"'
assert lines[start + 1].contains('- table users: 0003_add_x.json and 0003_add_y.json') : lines[start + 1]
assert lines[start + 2].contains('migration:generate') : "expected what to do instead: ${lines[start + 2]}"
// Nothing renumbered, nothing deleted.
assert (dir.list() as List).sort() == ['0001_init.json', '0002_a.json', '0003_add_x.json', '0003_add_y.json']
assert !log.contains('Renumbered')
return true
