// 1 wrote 0001_init.json; 2 passed check in verify; 3 failed check after the entity edit.
File dir = new File(basedir, 'src/main/resources/db/migrations')
String log = new File(basedir, 'build.log').getText('UTF-8')
assert (dir.list() as List) == ['0001_init.json'] : 'check must write nothing'

// Step 2: check ran in verify (the default binding, no phase in the pom) and passed.
assert log.contains(':check (default) @ check-in-sync-and-diverged') : 'check did not run in verify'
assert log.contains('The entities and the migrations agree') : 'step 2 should pass check'

// Step 3: the failure lists the missing step and says what to run.
def lines = log.readLines()
int start = lines.findIndexOf { it.contains('The entities and the migrations differ') }
assert start >= 0 : 'step 3 should fail saying the entities and the migrations differ'
assert lines[start].contains('lack 1 step(s)') : lines[start]
assert lines[start + 1].contains('- add column users.phone VARCHAR(30)') : "expected the new column, got: ${lines[start + 1]}"
assert lines[start + 2].contains('mvn compile migration:generate -Dmessage=') : lines[start + 2]
return true
