// check failed (invoker.buildResult = failure) on the two 0003 files, naming both and the way out.
File dir = new File(basedir, 'src/main/resources/db/migrations')
String log = new File(basedir, 'build.log').getText('UTF-8')
def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
assert error.contains('The migration history is broken') : 'expected a broken-history failure'
def duplicate = log.readLines().find { it.contains('Two migrations are numbered 0003') }
assert duplicate != null : 'expected "Two migrations are numbered 0003"'
assert duplicate.contains('0003_add_x.json') && duplicate.contains('0003_add_y.json') : duplicate
assert duplicate.contains('migration:merge') : "expected the merge goal as the fix: $duplicate"
// check only reads: the files are as they were.
assert (dir.list() as List).sort() == ['0001_init.json', '0002_a.json', '0003_add_x.json', '0003_add_y.json']
return true
