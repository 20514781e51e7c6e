// After 7: the unreadable lock timeout is refused with what to write instead; no file written.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('The online lock timeout is "5sec": give a whole number of milliseconds, seconds or minutes, as "500ms", "5s" or "2min"')
def names = new File(basedir, 'src/main/resources/db/migrations').list().findAll { it.endsWith('.json') }
assert names.size() == 4
return true
