// After 2: 0001 applied, no constraints yet; the rows the constraints will meet.
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
    assert Db.columns(c, 'customers') == ['id', 'city', 'email']
    assert Db.columns(c, 'orders') == ['id', 'reference']
    assert foreignKeys('orders') == []
    assert !indexes('customers').any { it.contains('city') }
    Db.execute(c, "insert into customers (id, email, city) values (1, 'ada@example.com', 'London'), (2, 'alan@example.com', 'Manchester')")
    Db.execute(c, "insert into orders (id, reference) values (10, 'A-10'), (11, 'A-11')")
} finally {
    c.close()
}
return true
