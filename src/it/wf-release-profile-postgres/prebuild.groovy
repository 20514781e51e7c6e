// A fresh database, owned by a fresh login role, on MIGRATION_TEST_PG_URL's server or an embedded one. Unlike
// the other database ITs, no -Dmigration.url/username/password: the release profile reads the URL from
// prod.db.url, and the credentials from the <server> prod-db of settings-release.xml (whose user is it.db.user;
// Maven interpolates settings.xml with user properties). verify.groovy drops the database.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createPostgres(basedir, 'it-Release-secret-4a7d')
Db.save(basedir, db)
println "Database ${db.url} (${db.source}), role ${db.user}"
context.userProperties.putAll([
        'prod.db.url': db.url,
        'it.db.user' : db.user])
return true
