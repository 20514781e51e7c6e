// The log of all ten invocations: what ran, how long it took, and where the database is now.
File db = new File(basedir, 'entity-migrations.db')
String where = 'jdbc:sqlite:' + db.path
String log = new File(basedir, 'build.log').getText('UTF-8')
def info = log.readLines().findAll { it.startsWith('[INFO] ') }*.substring(7)
def at = { String text -> info.findIndexOf { it.contains(text) } }
assert db.isFile() : 'the default database is entity-migrations.db in the project directory'
assert new File(basedir, 'src/main/resources/db/migrations').list().sort() == ['0001_create_shop.json', '0002_add_phone.json']

// 2. upgrade from base.
int up = at('Upgrading from base to 0001: 1 migration(s)')
assert up >= 0
assert info[up + 1] ==~ /Applying 0001 create shop \(\d+ statement\(s\)\)/
assert info[up + 2] ==~ /  applied in \d+ ms/
assert info[up + 3] ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0001 \(head\)\./

// 4. +1 applies 0002 only.
int plusOne = at('Upgrading from 0001 to 0002: 1 migration(s)')
assert plusOne > up
assert info[plusOne + 1] ==~ /Applying 0002 add phone \(\d+ statement\(s\)\)/
assert info[plusOne + 3] ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0002 \(head\)\./

// 5 and 8. current: 0002, then 0001 after the downgrade.
def currents = info.findAll { it.startsWith('Current migration of ') }
assert currents == ["Current migration of ${where}: 0002", "Current migration of ${where}: 0001"]*.toString()

// 6. history: both applied, with when; 8: 0002 pending.
int history = at("Migrations of ${where}:")
assert history >= 0
assert info[history + 1] ==~ /  0001  applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ  create shop/
assert info[history + 2] ==~ /  0002  applied \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ  add phone/
assert info[history + 3] == '  current: 0002 (head)'
int history2 = info.findLastIndexOf { it == "Migrations of ${where}:".toString() }
assert history2 > history
assert info[history2 + 1] ==~ /  0001  applied .*  create shop/
assert info[history2 + 2] ==~ /  0002  pending +add phone/
assert info[history2 + 3] == '  current: 0001'

// 7. downgrade, default -1.
int down = at('Downgrading from 0002 to 0001: 1 migration(s)')
assert down > history
assert info[down + 1] ==~ /Reverting 0002 add phone \(\d+ statement\(s\)\)/
assert info[down + 2] ==~ /  reverted in \d+ ms/
assert info[down + 3] ==~ /Reverted 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0001\./

// 9. upgrade again to head; 10. nothing to do.
int again = info.findLastIndexOf { it == 'Upgrading from 0001 to 0002: 1 migration(s)' }
assert again > down
assert info[again + 3] ==~ /Applied 1 migration\(s\) in \d+ ms; \Q${where}\E is now at 0002 \(head\)\./
assert info.findAll { it.startsWith('Nothing to do') } == ['Nothing to do: the database is at 0002 (head).']
assert !log.contains('[ERROR]')
return true
