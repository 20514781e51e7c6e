// After 7: check refuses the drifted lists, naming the file, the step and what to do.
String log = new File(basedir, 'build.log').getText('UTF-8')
def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
assert error.contains('0003_level.json (migration 0003): the "downgrade" list is not the reverse of the "upgrade" list: '
        + 'upgrade step 4 (sql: update customers set level = level + 1) has no counterpart at downgrade step 1') : error
assert error.contains('Delete "downgrade" to derive it from "upgrade", or make it the exact reverse') : error
return true
