// The Invoker's pre-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
// SQLite: the copy of this example starts without a database, even when a local run left
// entity-migrations.db in examples/hibernate-app, so migration:upgrade creates it from scratch.
File db = new File(basedir, 'entity-migrations.db')
assert !db.exists() || db.delete() : "cannot delete $db"
// PostgreSQL (invocation 2, profile postgres) and MariaDB (invocation 3, profile mariadb): a fresh database and
// user on MIGRATION_TEST_PG_URL's and MIGRATION_TEST_MARIADB_URL's servers, or servers started for the run
// (src/it/support/ItDb.groovy), passed as shop.url/user/password to that invocation only.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.createPostgres(basedir, 'shop-Example-5c1a')
def maria = Db.createMariaDb(basedir, 'shop-Example-8d4f')
Db.save(basedir, pg)
Db.save(basedir, maria, 'it-mariadb.properties')
[postgres: pg, mariadb: maria].each { name, it ->
    Properties p = new Properties()
    p.putAll(['shop.url': it.url, 'shop.user': it.user, 'shop.password': it.password])
    new File(basedir, "${name}.properties").withOutputStream { out -> p.store(out, "the ${name} database of this run") }
}
return true
