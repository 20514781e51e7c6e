// After 2: Client.java was recompiled alone, and the snapshot carries its hints.
import groovy.json.JsonSlurper
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.count('Compiling 1 source file') == 1 : 'the second build should recompile only Client.java'
def json = new JsonSlurper().parse(new File(basedir, 'target/classes/META-INF/entity-migrations/schema.json'))
def customers = json.tables.find { it.name == 'customers' }
assert customers?.renamedFrom == 'clients' : "tables: ${json.tables}"
assert customers.columns.find { it.name == 'displayName' }.renamedFrom == 'fullName'
assert customers.columns.find { it.name == 'status' }.default == "'active'"
return true
