import groovy.json.JsonSlurper

// After 5: revision wrote an empty 0003 after 0002 (the prepared edit/0003_split_names.json has the same id and parent).
File dir = new File(basedir, 'src/main/resources/db/migrations')
assert dir.list().sort() == ['0001_create_people.json', '0002_add_name_parts.json', '0003_split_names.json']
def m = new JsonSlurper().parse(new File(dir, '0003_split_names.json'))
assert m.id == '0003' && m.parent == '0002' && m.message == 'split names'
assert !m.upgrade && !m.downgrade
def filled = new JsonSlurper().parse(new File(basedir, 'edit/0003_split_names.json'))
assert [filled.id, filled.parent, filled.message] == [m.id, m.parent, m.message]
return true
