import groovy.json.JsonSlurper

File classes = new File(basedir, 'target/classes')
File snapshot = new File(classes, 'META-INF/entity-migrations/schema.json')
assert snapshot.isFile() : "no snapshot at $snapshot"

// The scenario really happened: C.java is gone but its class file was left behind, and the
// second build recompiled A.java alone.
assert !new File(basedir, 'src/main/java/com/example/inc/C.java').exists()
assert new File(classes, 'com/example/inc/C.class').isFile() : 'expected the stale C.class to stay'
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Compiling 1 source file') : 'the second build should recompile only A.java'

def json = new JsonSlurper().parse(snapshot)
assert json.tables*.name.sort() == ['A', 'B'] : "expected A and B only, got ${json.tables*.name}"

def a = json.tables.find { it.name == 'A' }
assert a.columns*.name == ['id', 'b_id', 'headline', 'title'] : "A columns: ${a.columns*.name}"
assert a.foreignKeys*.referencedTable == ['B']
assert a.sources == ['com.example.inc.A']

def b = json.tables.find { it.name == 'B' }
assert b.columns*.name == ['id', 'name']
assert b.sources == ['com.example.inc.B']
return true
