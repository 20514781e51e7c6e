import groovy.json.JsonSlurper

// 1 wrote 0001_backfill_data.json, 2 wrote 0002_fix_phone_numbers.json after it, 3 failed without -Dmessage.
File dir = new File(basedir, 'src/main/resources/db/migrations')
String log = new File(basedir, 'build.log').getText('UTF-8')
assert (dir.list() as List).sort() == ['0001_backfill_data.json', '0002_fix_phone_numbers.json']

def read = { String name -> new JsonSlurper().parse(new File(dir, name)) }
def first = read('0001_backfill_data.json')
assert first.id == '0001'
assert first.parent == null
assert first.message == 'backfill data'
// Empty, to fill by hand (an empty list may be left out of the file).
assert !first.upgrade && !first.downgrade : "expected no steps: ${first}"
assert !first.warnings

def second = read('0002_fix_phone_numbers.json')
assert second.id == '0002'
assert second.parent == '0001'
assert second.message == 'fix phone numbers'
assert !second.upgrade && !second.downgrade

assert log.contains('0001_backfill_data.json: an empty migration.')
def error = log.readLines().find { it.startsWith('[ERROR]') && it.contains('migration:revision -Dmessage=') }
assert error != null : 'step 3 should fail asking for -Dmessage'
return true
