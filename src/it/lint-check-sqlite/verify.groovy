// generate prints the findings of what it wrote (2); check summarises below its threshold (3) and fails at it (4).
String log = new File(basedir, 'build.log').getText('UTF-8')
def runs = log.split(/Scanning for projects\.\.\./)
assert runs.size() == 5 : "expected 4 invocations, got ${runs.size() - 1}"

// 1. Nothing to find in a new table.
assert runs[1].contains('[INFO] lint: no findings in 1 migration')

// 2. The dropped column, with the rule, severity and fix; generate still succeeds.
assert runs[2].contains('[WARNING] 0002_drop_name.json step 1 [drop-column] warning: drops column customers.name and its values. Fix: ')
assert runs[2].contains('[WARNING] 0002_drop_name.json step 1 [deploy-drop-column] warning: ')
assert runs[2].contains('[INFO] lint: 2 warnings in 1 migration; review each, fix the step or silence it in the file\'s "lint" section with a reason')
assert runs[2].contains('BUILD SUCCESS')

// 3. Below the threshold: one line, no finding printed.
assert runs[3].contains('The entities and the migrations agree.')
assert runs[3].contains('[INFO] lint: 2 warnings in 1 migration; see them with migration:lint -Dfrom=base')
assert !runs[3].contains('[drop-column]')
assert runs[3].contains('BUILD SUCCESS')

// 4. At lintFailOn=warning: printed, and the build fails saying why.
assert runs[4].contains('[WARNING] 0002_drop_name.json step 1 [drop-column] warning: ')
assert runs[4].contains("check's lint found 2 findings at or above warning (lintFailOn (-Dmigration.lintFailOn))")
assert runs[4].contains('BUILD FAILURE')
return true
