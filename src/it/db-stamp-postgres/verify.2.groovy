// After 2 (sql -Dfrom=base -Dtarget=0001): the PostgreSQL script was written; the database is untouched.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
String script = new File(basedir, 'target/legacy.sql').getText('UTF-8')
assert script.startsWith('-- Entity Migrations: upgrade from base to 0001 for postgresql (1 migration(s))')
assert script.contains('create sequence customers_seq')
assert script.contains('create table customers (')
assert script.contains('create table orders (')
assert script.contains("insert into entity_migrations_history (id, message, checksum, applied_at, applied_by, execution_ms) values ('0001', 'create shop', '")
def c = Db.postgres(Db.load(basedir))
try {
    assert Db.tables(c) == [] : 'sql with -Dfrom must not touch the database'
} finally {
    c.close()
}
return true
