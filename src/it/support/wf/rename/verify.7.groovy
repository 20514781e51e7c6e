// After 7 (customers renamed onto clients, whose entity is gone): generate failed, naming both ways out.
File dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().length == 3 : "generate must write nothing: ${dir.list()}"
def lines = new File(basedir, 'build.log').getText('UTF-8').readLines()
String error = lines.find { it.contains('says @RenamedFrom("customers")') }
assert error != null : 'expected the refusal of the ambiguous rename'
assert error.contains('the migrations have both clients and customers, which no entity maps any more')
assert error.contains('remove @RenamedFrom("customers")')
assert !lines.any { it.contains('Exception') && it.contains('at io.github') } : 'no stack trace without -e'
return true
