import groovy.json.JsonSlurper

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

// customer: explicit sequence id, unique e-mail, a primitive (NOT NULL)
def customer = table('customer')
assert customer.sources == ['com.example.shop.Customer']
assert customer.primaryKey == [name: 'pk_customer', columns: ['id']]
assert column(customer, 'id').type == 'BIGINT'
assert column(customer, 'id').nullable == false
assert column(customer, 'email').type == 'VARCHAR'
assert column(customer, 'email').length == 320
assert column(customer, 'email').nullable == false
assert column(customer, 'name').type == 'VARCHAR'
assert column(customer, 'name').length == 255
assert column(customer, 'name').nullable == true
assert column(customer, 'loyaltyPoints').type == 'INTEGER'
assert column(customer, 'loyaltyPoints').nullable == false
assert customer.uniques == [[name: 'uk_customer_email', columns: ['email']]]
assert customer.columns*.name == ['id', 'email', 'loyaltyPoints', 'name'] : 'key first, then by name'

// purchase_order: identity id, many-to-one with its foreign key, a STRING enum with its check
def order = table('purchase_order')
assert column(order, 'id').identity == true
def customerId = column(order, 'customer_id')
assert customerId.type == 'BIGINT'
assert customerId.nullable == false
assert order.foreignKeys == [[name: 'fk_purchase_order_customer_id', columns: ['customer_id'],
                              referencedTable: 'customer', referencedColumns: ['id'], onDelete: 'NO_ACTION']]
def status = column(order, 'status')
assert status.type == 'VARCHAR'
assert status.nullable == false
def statusCheck = order.checks.find { it.column == 'status' }
assert statusCheck != null : "no check on status: ${order.checks}"
assert statusCheck.name == 'ck_purchase_order_status'
assert statusCheck.values == ['NEW', 'PAID', 'SHIPPED']
def total = column(order, 'total')
assert [total.type, total.precision, total.scale] == ['NUMERIC', 38, 2]
assert column(order, 'placedAt').type == 'TIMESTAMP'

// Product: default table name, AUTO id with Hibernate 6's default sequence, unique sku
def product = table('Product')
assert column(product, 'sku').nullable == true
assert product.uniques*.columns == [['sku']]
assert product.uniques[0].name.equalsIgnoreCase('uk_Product_sku')

def customerSequence = json.sequences.find { it.name == 'customer_ids' }
assert customerSequence != null : "no sequence customer_ids in ${json.sequences}"
assert customerSequence.start == 100
assert customerSequence.increment == 10
def productSequence = json.sequences.find { it.name.equalsIgnoreCase('Product_seq') }
assert productSequence != null : "no default sequence for Product in ${json.sequences}"
assert productSequence.start == 1
assert productSequence.increment == 50
assert json.sequences.size() == 2

// Deterministic: 2-space pretty print, and the clean rebuild gave the very same bytes.
String text = snapshot.getText('UTF-8')
assert text.startsWith('{\n  "format" : 1,\n') || text.startsWith('{\n  "format": 1,\n')
File first = new File(basedir, 'first-schema.json')
assert first.isFile() : 'the first build did not leave its snapshot (profile keep-first-snapshot)'
assert first.bytes == snapshot.bytes : 'a clean rebuild of the same entities changed the snapshot'
return true
