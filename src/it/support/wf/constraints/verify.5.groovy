// After 5 (downgrade -1): back at 0001; the constraints and customer_id are gone, the rows stay.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
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

    assert Db.versions(c) == ['0001']
    assert Db.columns(c, 'orders') == ['id', 'reference']
    assert foreignKeys('orders') == []
    assert !indexes('customers').any { it.contains('city') || it.endsWith(':true:email') } : indexes('customers')
    assert Db.rows(c, 'select id from customers order by id').collect { it.id as long } == [1L, 2L]
    assert Db.rows(c, 'select id from orders order by id').collect { it.id as long } == [10L, 11L]
} finally {
    c.close()
}
return true
