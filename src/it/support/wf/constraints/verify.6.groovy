// After 6 (upgrade again): 0002 back, enforced again.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = Db.isPostgres(basedir)
def c = Db.open(basedir)

// JDBC metadata: the indexes of a table as 'name:unique:column', its foreign keys as 'column->table.column'.
def indexes = { String table ->
    def found = []
    c.metaData.getIndexInfo(null, c.schema, table, false, false).withCloseable { rs ->
        while (rs.next()) {
            if (rs.getString('COLUMN_NAME') != null) {
                found << "${rs.getString('INDEX_NAME').toLowerCase()}:${!rs.getBoolean('NON_UNIQUE')}:${rs.getString('COLUMN_NAME').toLowerCase()}".toString()
            }
        }
    }
    found.sort()
}
def foreignKeys = { String table ->
    def found = []
    c.metaData.getImportedKeys(null, c.schema, table).withCloseable { rs ->
        while (rs.next()) {
            found << "${rs.getString('FKCOLUMN_NAME').toLowerCase()}->${rs.getString('PKTABLE_NAME').toLowerCase()}.${rs.getString('PKCOLUMN_NAME').toLowerCase()}".toString()
        }
    }
    found.sort()
}
try {

    assert Db.versions(c) == ['0001', '0002']
    assert foreignKeys('orders') == ['customer_id->customers.id']
    assert indexes('customers').contains('idx_customers_city:false:city')
    assert Db.failure(c, "insert into customers (id, email, city) values (3, 'alan@example.com', 'Paris')")?.contains(pg ? 'uk_customers_email' : 'UNIQUE')
    assert Db.failure(c, "insert into orders (id, reference, customer_id) values (12, 'A-12', 42)")?.contains(pg ? 'fk_orders_customer_id' : 'FOREIGN KEY')
} finally {
    c.close()
}
return true
