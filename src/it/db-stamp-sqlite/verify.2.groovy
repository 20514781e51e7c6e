// After 2 (sql -Dfrom=base -Dtarget=0001): the script was written, and no database was opened or created.
assert !new File(basedir, 'entity-migrations.db').exists() : 'sql with -Dfrom must not touch the database'
String script = new File(basedir, 'target/legacy.sql').getText('UTF-8')
assert script.startsWith('-- Entity Migrations: upgrade from base to 0001 for sqlite (1 migration(s))')
assert script.contains('create table customers (')
assert script.contains('create table orders (')
assert script.contains("insert into entity_migrations_history (id, message, checksum, applied_at, applied_by, execution_ms) values ('0001', 'create shop', '")
return true
