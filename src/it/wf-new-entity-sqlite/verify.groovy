// The log of the whole workflow, on the default SQLite file.
String log = new File(basedir, 'build.log').getText('UTF-8')
def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
String where = 'jdbc:sqlite:' + new File(basedir, 'entity-migrations.db').canonicalPath
println info.findAll { it.startsWith('Current migration of') }
assert info.contains('  1. create table books (6 columns)')
assert info.contains('Downgrading from 0002 to 0001: 1 migration(s)')
assert info.any { it.startsWith('Current migration of ') && it.endsWith(': 0001') }
assert info.any { it.startsWith('Current migration of ') && it.endsWith(': 0002') }
assert info.count('Upgrading from 0001 to 0002: 1 migration(s)') == 2
int history = info.findIndexOf { it.startsWith('Migrations of ') }
assert info[history + 1] ==~ /  0001  applied .*  create authors/
assert info[history + 2] ==~ /  0002  applied .*  add books/
assert info[history + 3] == '  current: 0002 (head)'
return true
