// The Invoker's pre-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
// A fresh database and user on MIGRATION_TEST_PG_URL's server, or on a server started for the run
// (src/it/support/ItDb.groovy), passed as fruits.url/user/password to the build (postgres.properties).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def pg = Db.createPostgres(basedir, 'fruits-Example-3e7b')
Db.save(basedir, pg)
Properties p = new Properties()
p.putAll(['fruits.url': pg.url, 'fruits.user': pg.user, 'fruits.password': pg.password])
new File(basedir, 'postgres.properties').withOutputStream { out -> p.store(out, 'the database of this run') }
return true
