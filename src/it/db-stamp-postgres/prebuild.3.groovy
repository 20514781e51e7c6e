// Before 3: a database made before the project used Entity Migrations, with the schema of 0001 (the sql
// script of step 2, run statement by statement as a DBA would, without its version-table statements, as
// the application's role) and some rows.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgresAsOwner(db)
try {
    String script = new File(basedir, 'target/legacy.sql').getText('UTF-8')
    def statements = script.split(/;\n/)*.readLines()*.findAll { !it.startsWith('--') }*.join('\n')*.trim()
            .findAll { it && !it.contains('entity_migrations_history') && it != 'begin' && it != 'commit' }
    assert statements.any { it.startsWith('create table customers') }
    statements.each { Db.execute(c, it) }
    Db.execute(c, "insert into customers (id, email, name) values (nextval('customers_seq'), 'ada@example.com', 'Ada')")
    Db.execute(c, "insert into orders (customer_id, status, total) values (1, 'NEW', 3.50)")
    assert Db.tables(c) == ['customers', 'orders']
} finally {
    c.close()
}
return true
