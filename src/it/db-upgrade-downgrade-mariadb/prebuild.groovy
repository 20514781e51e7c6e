// A fresh database and its own user, on MIGRATION_TEST_MARIADB_URL's server or on a MariaDB server started once for
// the ITs (src/it/support/ItDb.groovy). Every build of this IT gets it as user properties (the invoker's
// context.userProperties); the post-build scripts read it back from it-database.properties.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createMariaDb(basedir, 'it-Secret-from-settings-9f3c')
Db.save(basedir, db)
println "Database ${db.url} (${db.source}), user ${db.user}"
context.userProperties.putAll([
        'migration.url'     : db.url,
        'migration.username': db.user,
        'migration.password': db.password,
        // For settings-it-db.xml (steps 6 and 8 to 10), whose password is the one above.
        'it.db.user'        : db.user])
return true
