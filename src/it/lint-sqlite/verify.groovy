// Every SQLite rule found with the database's facts (2), offline (3), silenced (5); the refusals (4, 6).
import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()
def runs = log.split(/Scanning for projects\.\.\./)
assert runs.size() == 8 : "expected 7 invocations, got ${runs.size() - 1}"
def findings = { String run -> run.readLines().findAll { it ==~ /\[(INFO|WARNING|ERROR)\] 0002_risky_changes\.json step \d+ \[.*/ } }

// 2. With the database: every rule that applies to SQLite, each once per step as the steps list them; the
// changes rebuilt in one copy (steps 3-5 of customer, 6-8 of orders) one sqlite-rebuild finding each, on the first.
def online = findings(runs[2])
def expected = [
        'step 1 [drop-table] warning: drops table legacy (1 row) and every row in it. Fix: ',
        'step 1 [deploy-drop-table] warning: ',
        'step 2 [drop-column] warning: drops column customer.note (3 rows)',
        'step 2 [deploy-drop-column] warning: ',
        'step 3 [narrow-type] warning: narrows column customer.email from VARCHAR(100) to VARCHAR(50) (3 rows)',
        'step 3 [sqlite-rebuild] info: rebuilds table customer (3 rows) once for steps 3 to 5 (',
        'step 3 [sqlite-rebuild-dependents] info: the rebuild of customer drops and re-creates view customer_names',
        'step 4 [drop-default] warning: removes the default \'anon\' of column customer.name',
        'step 5 [not-null-without-default] error: adds column customer.age NOT NULL without a default: the table has 3 rows, so it fails',
        'step 5 [deploy-not-null] warning: ',
        'step 6 [unique-on-existing] warning: adds unique constraint uk_orders_code on orders (code) to a table with 1 row',
        'step 6 [sqlite-rebuild] info: rebuilds table orders (1 row) once for steps 6 to 8 (',
        'step 7 [check-on-existing] warning: ',
        'step 8 [fk-on-existing] warning: ',
        'step 9 [deploy-rename-column] warning: renames column customer.nickname to nick',
        'step 10 [deploy-rename-table] warning: renames table orders to purchases']
expected.each { e -> assert online.any { it.contains("0002_risky_changes.json ${e}") } : "missing: ${e}\n${online.join('\n')}" }
assert online.every { it.contains('. Fix: ') } : 'each finding says what to do'
assert online.findAll { it.startsWith('[ERROR]') }.size() == 1
assert online.count { it.contains('[sqlite-rebuild]') } == 2 && online.count { it.contains('[sqlite-rebuild-dependents]') } == 1
assert runs[2].contains('[INFO] lint: 1 error, 12 warnings, 3 info in 1 migration')
assert runs[2].contains('lint found 13 findings at or above warning (lintFailOn (-Dmigration.lintFailOn))')
assert !runs[2].contains('[pg-') : 'no PostgreSQL rule on SQLite'
def report = new JsonSlurper().parse(new File(basedir, 'target/lint.json'))
assert report.database == 'sqlite' && report.facts == true && report.migrations == ['0002']
assert report.summary == [error: 1, info: 3, warning: 12]
assert report.findings.size() == 16
def notNull = report.findings.find { it.rule == 'not-null-without-default' }
assert notNull.migration == '0002' && notNull.file == '0002_risky_changes.json' && notNull.step == 5
assert notNull.severity == 'error' && notNull.table == 'customer' && notNull.fix.startsWith('give the column a server default')
assert report.findings.every { it.silenced == null }

// 3. Offline: no row counts, so no error and no dependents; passes at lintFailOn=error.
def offline = findings(runs[3])
assert runs[3].contains('Lint of migration 0002 for sqlite, without a database')
assert offline.any { it.contains('step 5 [not-null-without-default] warning: adds column customer.age NOT NULL without a default: it fails if the table has rows') }
assert !offline.any { it.contains('sqlite-rebuild-dependents') || it.contains(' rows)') }
assert runs[3].contains('[INFO] lint: 13 warnings, 2 info in 1 migration')
assert new JsonSlurper().parse(new File(basedir, 'target/lint-offline.json')).facts == false

// 4. An unknown rule id.
assert runs[4].contains('lintIgnore (-Dmigration.lintIgnore) names lint rule "no-such-rule", which does not exist; the rules are: drop-table, drop-column, narrow-type')
assert runs[4].contains('sqlite-rebuild, sqlite-rebuild-dependents')

// 5. Every finding silenced: nothing printed, all counted, the report keeps them with their reasons.
assert findings(runs[5]).isEmpty()
assert runs[5].contains('[INFO] lint: no findings in 1 migration (16 findings silenced)')
def silenced = new JsonSlurper().parse(new File(basedir, 'target/lint-silenced.json'))
assert silenced.findings.size() == 16 && silenced.summary == [:]
assert silenced.findings.find { it.rule == 'narrow-type' }.silenced == 'no email is longer than 50 characters'
assert silenced.findings.find { it.rule == 'deploy-rename-table' }.silenced == 'rule ignored for the whole build'
assert silenced.findings.findAll { it.rule == 'sqlite-rebuild' }*.silenced.unique() == ['small tables']

// 6. An ignore without a reason.
assert runs[6].contains('0002_risky_changes.json: the "lint" "ignore" entry for rule drop-table needs a "reason"')

// 7. lint changed nothing.
assert runs[7] =~ /Current migration of jdbc:sqlite:.*entity-migrations\.db: 0001/
return true
