import groovy.json.JsonSlurper

// After 3: 0002 is one alter_column of authors.birthYear, from INTEGER to VARCHAR(255), and back on the way down.
def m = new JsonSlurper().parse(new File(basedir, 'src/main/resources/db/migrations/0002_birth_year_as_text.json'))
assert m.id == '0002' && m.parent == '0001'
assert m.upgrade.size() == 1
def step = m.upgrade[0]
assert step.op == 'alter_column' && step.table == 'authors'
assert step.from.name == 'birthYear' && step.from.type == 'INTEGER'
assert step.to.name == 'birthYear' && step.to.type == 'VARCHAR(255)'
assert m.downgrade.size() == 1
assert m.downgrade[0].op == 'alter_column' && m.downgrade[0].from.type == 'VARCHAR(255)' && m.downgrade[0].to.type == 'INTEGER'
return true
