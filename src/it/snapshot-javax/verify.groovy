import groovy.json.JsonSlurper

// The same entities as snapshot-basic, with javax.persistence: read by annotation name, so the
// snapshot must say exactly the same things.
File snapshot = new File(basedir, 'target/classes/META-INF/entity-migrations/schema.json')
assert snapshot.isFile() : "no snapshot at $snapshot"
def json = new JsonSlurper().parse(snapshot)

def table = { String name ->
    def t = json.tables.find { it.name == name }
    assert t != null : "no table $name in ${json.tables*.name}"
    t
}
def column = { t, String name ->
    def c = t.columns.find { it.name == name }
    assert c != null : "no column $name in ${t.name}: ${t.columns*.name}"
    c
}

assert json.format == 1
assert json.naming == 'jpa'
assert json.tables*.name.sort() == ['Product', 'customer', 'purchase_order'].sort()

def customer = table('customer')
assert customer.primaryKey == [name: 'pk_customer', columns: ['id']]
assert customer.columns*.name == ['id', 'email', 'loyaltyPoints', 'name']
assert [column(customer, 'email').type, column(customer, 'email').length] == ['VARCHAR', 320]
assert column(customer, 'loyaltyPoints').nullable == false
assert customer.uniques == [[name: 'uk_customer_email', columns: ['email']]]

def order = table('purchase_order')
assert column(order, 'id').identity == true
assert column(order, 'customer_id').nullable == false
assert order.foreignKeys == [[name: 'fk_purchase_order_customer_id', columns: ['customer_id'],
                              referencedTable: 'customer', referencedColumns: ['id'], onDelete: 'NO_ACTION']]
assert order.checks.find { it.column == 'status' }?.values == ['NEW', 'PAID', 'SHIPPED']
def total = column(order, 'total')
assert [total.type, total.precision, total.scale] == ['NUMERIC', 38, 2]
assert column(order, 'placedAt').type == 'TIMESTAMP'

assert json.sequences.find { it.name == 'customer_ids' }?.subMap(['start', 'increment']) == [start: 100, increment: 10]
assert json.sequences.find { it.name.equalsIgnoreCase('Product_seq') }?.increment == 50
return true
