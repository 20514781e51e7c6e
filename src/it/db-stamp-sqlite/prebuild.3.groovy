// Before 3: a database made before the project used Entity Migrations, with the schema of 0001 (the sql
// script of step 2, run statement by statement as a DBA would, without its version-table statements)
// and some rows.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
File file = new File(basedir, 'entity-migrations.db')
def c = new org.sqlite.JDBC().connect('jdbc:sqlite:' + file.absolutePath, new Properties())
try {
    String script = new File(basedir, 'target/legacy.sql').getText('UTF-8')
    def statements = script.split(/;\n/)*.readLines()*.findAll { !it.startsWith('--') }*.join('\n')*.trim()
            .findAll { it && !it.contains('entity_migrations_history') }
    assert statements.any { it.startsWith('create table customers') }
    statements.each { Db.execute(c, it) }
    Db.execute(c, "insert into customers (id, email, name) values (1, 'ada@example.com', 'Ada')")
    Db.execute(c, "insert into orders (customer_id, status, total) values (1, 'NEW', 3.50)")
} finally {
    c.close()
}
def check = Db.sqlite(basedir)
try {
    assert Db.tables(check) == ['customers', 'customers_seq', 'orders']
} finally {
    check.close()
}
return true
