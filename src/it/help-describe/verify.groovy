// help:describe -Ddetail lists every goal with its description, and every parameter of each goal with one.
String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Goal Prefix: migration')
assert log.contains('This plugin has 12 goals:')

// The output, goal by goal: "migration:<goal>", "  Description: ..." (continued at 4 spaces), then
// "  Available parameters:" and each parameter at 4 spaces ("name (Default: ...)", a long default wrapped
// onto the next line), with its "User property: ..." and description at 6 spaces.
def goals = [:]
String goal = null
String param = null
log.readLines().each { String l ->
    def g = l =~ /^migration:([a-z]+)$/
    if (g.matches()) {
        goal = g.group(1)
        goals[goal] = [description: '', params: [:]]
        param = null
        return
    }
    if (goal == null) {
        return
    }
    if (l.startsWith('[')) {
        goal = null
        return
    }
    def p = l =~ /^    ([A-Za-z]+)( \(Default:.*)?$/
    if (p.matches()) {
        param = p.group(1)
        goals[goal].params[param] = ''
    } else if (param == null && l.startsWith('  Description: ')) {
        goals[goal].description = l.substring('  Description: '.length()).trim()
    } else if (param == null && l.startsWith('    ') && !goals[goal].params) {
        goals[goal].description += ' ' + l.trim()
    } else if (param != null && l.startsWith('      ')
            && !(l.trim() ==~ /(User property|Required|Alias|Deprecated|Expression|Since): .*/)) {
        goals[goal].params[param] = (goals[goal].params[param] + ' ' + l.trim()).trim()
    }
}

def connection = ['lockTimeout', 'password', 'schema', 'serverId', 'url', 'username']
def common = ['migrationsDirectory', 'skip', 'snapshotFile']
def fleet = ['failFast', 'parallel', 'schemas']
def expected = [
        check    : common + ['allowStaleSnapshot', 'lintFailOn', 'lintIgnore', 'lintReport', 'url'],
        current  : common + connection + fleet,
        downgrade: common + connection + fleet + ['allowDataLoss', 'target'],
        drift    : common + connection + ['driftReport'],
        generate : common + ['allowStaleSnapshot', 'backfill', 'backfills', 'lintIgnore', 'message', 'online',
                             'onlineLockTimeout', 'url'],
        history  : common + connection,
        lint     : common + connection + ['from', 'lintFailOn', 'lintIgnore', 'lintReport', 'target'],
        merge    : common,
        revision : common + ['message'],
        sql      : common + connection + ['from', 'output', 'target'],
        stamp    : common + connection + fleet + ['stampUnverified', 'target'],
        upgrade  : common + connection + fleet + ['target', 'verifyBefore'],
]
assert goals.keySet().sort() == expected.keySet().sort()
expected.each { String name, List<String> params ->
    def found = goals[name]
    assert found.description && found.description != '(no description)' : "migration:${name} has no description"
    assert found.params.keySet().sort() == params.sort() : "migration:${name} parameters"
    found.params.each { String p, String text ->
        assert text && !text.contains('(no description)') : "migration:${name} parameter ${p} has no description"
    }
}
// The connection parameters name every supported database.
['upgrade', 'sql', 'drift'].each { String name ->
    String url = goals[name].params.url
    ['jdbc:postgresql:', 'jdbc:mariadb:', 'jdbc:mysql:', 'jdbc:sqlite:'].each { assert url.contains(it) : "migration:${name} url: ${url}" }
    assert goals[name].params.schema.contains('MariaDB and MySQL') : "migration:${name} schema: ${goals[name].params.schema}"
}
assert goals.check.params.url.contains('PostgreSQL, MariaDB, MySQL and SQLite')
// The fleet parameters say what they take: patterns, URLs, bounded parallelism, failFast.
assert goals.upgrade.params.schemas.contains('tenant_*') && goals.upgrade.params.schemas.contains('jdbc:sqlite:tenants/*.db')
assert goals.upgrade.params.parallel.contains('at a time')
assert goals.upgrade.params.failFast.contains('start no other')
assert !log.contains('(no description)')
assert !log.contains('[ERROR]')
return true
