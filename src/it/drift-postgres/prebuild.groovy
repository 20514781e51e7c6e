// A fresh database, owned by a fresh login role, on MIGRATION_TEST_PG_URL's server or an embedded one.
// Every build of this IT gets it as user properties (the invoker's context.userProperties); the post-build
// scripts read it back from it-database.properties.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createPostgres(basedir, 'it-Drift-3c9e')
Db.save(basedir, db)
println "Database ${db.url} (${db.source}), role ${db.user}"
context.userProperties.putAll([
        'migration.url'     : db.url,
        'migration.username': db.user,
        'migration.password': db.password])
return true
