// Before 7, the trap a new user falls into: a sql step added by hand to the end of 0003's upgrade, its downgrade
// statements given, but the file's explicit "downgrade" list left as generated, so going back would skip them.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
def file = new File(basedir, 'src/main/resources/db/migrations/0003_level.json')
def m = new JsonSlurper().parse(file)
m.upgrade.add([op: 'sql', upgrade: ['*': ['update customers set level = level + 1']],
               downgrade: ['*': ['update customers set level = level - 1']]])
file.setText(JsonOutput.prettyPrint(JsonOutput.toJson(m)) + '\n', 'UTF-8')
return true
