// Before 5, the hand edit of the generated 0003 (the route before @Backfill, still valid): a sql step, first in its
// upgrade, that gives every row a nickname, so the alter_column after it finds none missing. Its downgrade keeps the
// values (there is nothing to undo). Done on the JSON, as an editor would, keeping every generated step; the
// "downgrade" list is deleted, so it is derived from "upgrade" (a list left as generated would lack the new step,
// which check and upgrade refuse).
import groovy.json.JsonOutput
import groovy.json.JsonSlurper
def file = new File(basedir, 'src/main/resources/db/migrations/0003_nickname_not_null.json')
def m = new JsonSlurper().parse(file)
m.upgrade.add(0, [op: 'sql',
                  // Per dialect: the first word of the name, lower case.
                  upgrade: ['postgresql': ["update customers set nickname = lower(split_part(name, ' ', 1)) where nickname is null"],
                            'sqlite'    : ["update customers set nickname = lower(substr(name, 1, instr(name || ' ', ' ') - 1)) where nickname is null"]],
                  downgrade: ['*': []]])
m.remove('downgrade')
file.setText(JsonOutput.prettyPrint(JsonOutput.toJson(m)) + '\n', 'UTF-8')
return true
