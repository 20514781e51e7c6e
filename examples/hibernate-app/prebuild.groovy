// The Invoker's pre-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
// SQLite: the copy of this example starts without a database, even when a local run left
// entity-migrations.db in examples/hibernate-app, so migration:upgrade creates it from scratch.
File db = new File(basedir, 'entity-migrations.db')
assert !db.exists() || db.delete() : "cannot delete $db"
// PostgreSQL (invocation 2, profile postgres): a fresh database and role on MIGRATION_TEST_PG_URL's server or
// an embedded one (src/it/support/ItDb.groovy), passed as shop.url/user/password to every invocation.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.createPostgres(basedir, 'shop-Example-5c1a')
Db.save(basedir, pg)
context.userProperties.putAll(['shop.url': pg.url, 'shop.user': pg.user, 'shop.password': pg.password])
return true
