// The build failed (invoker.buildResult = failure) because there was no snapshot, and said how to get one.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('No entity snapshot at ') : 'expected "No entity snapshot"'
assert log.contains('META-INF/entity-migrations/schema.json'.replace('/', File.separator))
assert log.contains("migration-processor is on maven-compiler-plugin's annotationProcessorPaths")
// The snippet to paste into the pom.
assert log.contains('<annotationProcessorPaths>')
assert log.contains('<artifactId>migration-processor</artifactId>')
assert log.contains('<groupId>io.github.entitymigrations</groupId>')
// It compiled (the failure is the plugin's, not javac's) and wrote nothing.
assert new File(basedir, 'target/classes/com/example/app/User.class').isFile()
assert !new File(basedir, 'src/main/resources/db/migrations').exists() : 'nothing should be written'
return true
