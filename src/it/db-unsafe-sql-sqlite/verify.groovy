// Each refusal names the file, the step and the statement, and says what to do; no unexpected error.
String log = new File(basedir, 'build.log').getText('UTF-8')
String where = '0002_seed_customers.json (migration 0002), "upgrade" step 1, "*" statement 2 of 3 (commit)'
assert log.count(where) >= 2 : 'check and upgrade both name the commit'
assert log.contains("commit ends, starts or changes the migration's transaction")
// Steps 2 and 3 ran nothing of 0002: it is applied once, in step 4.
assert log.count('Applying 0002') == 1
assert !log.contains('entity-migrations failed unexpectedly')
assert !log.contains('MojoExecutionException')
return true
