// The build failed (invoker.buildResult = failure); it must have failed for the right reason,
// with a javac error on the entity's own line that says what is wrong.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('COMPILATION ERROR') : 'expected a compile error'
def error = log.readLines().find { it.contains('has no @Id') }
assert error != null : 'expected an error saying the entity has no @Id'
assert error.contains('Broken.java:[7,') : "expected the error on Broken.java line 7, got: $error"
return true
