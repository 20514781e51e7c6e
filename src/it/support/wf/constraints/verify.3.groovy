import groovy.json.JsonSlurper

// After 3: 0002 adds the unique constraint, the index, the column and its foreign key, and warns about the data.
def m = new JsonSlurper().parse(new File(basedir, 'src/main/resources/db/migrations/0002_constrain_shop.json'))
assert m.id == '0002' && m.parent == '0001'
def ops = m.upgrade*.op
assert ops.containsAll(['add_unique', 'create_index', 'add_column', 'add_foreign_key']) : ops
assert ops.indexOf('add_column') < ops.indexOf('add_foreign_key')
def warned = m.warnings.collect { ops[(it.step as int) - 1] }
// Existing rows may break the new unique constraint: the file says so, at that step.
assert warned.sort() == ['add_foreign_key', 'add_unique'] : m.warnings
assert m.warnings*.kind == ['data', 'data']
assert m.warnings.find { ops[(it.step as int) - 1] == 'add_unique' }.message.contains('uk_customers_email')
assert m.warnings.find { ops[(it.step as int) - 1] == 'add_foreign_key' }.message.contains('fk_orders_customer_id')
m.warnings.each { assert it.kind && it.message }
println "warnings: ${m.warnings}"
return true
