// The Invoker's pre-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
// PostgreSQL (invocation 2, profile postgres): a fresh database and role on MIGRATION_TEST_PG_URL's server or
// an embedded one (src/it/support/ItDb.groovy), passed as shop.url/user/password to every invocation.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.createPostgres(basedir, 'shop-Spring-7d2e')
Db.save(basedir, pg)
context.userProperties.putAll(['shop.url': pg.url, 'shop.user': pg.user, 'shop.password': pg.password])
return true
