// A fresh database and its own user on MIGRATION_TEST_MARIADB_URL's server or on a MariaDB server started once for
// the ITs (src/it/support/ItDb.groovy), reached through its jdbc:mysql: URL: MySQL Connector/J, the MySQL flavour.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createMariaDb(basedir, 'it-Secret-' + UUID.randomUUID().toString().take(8))
Db.save(basedir, db)
println "Database ${db.mysqlUrl} (${db.source}), user ${db.user}"
context.userProperties.putAll([
        'migration.url'     : db.mysqlUrl,
        'migration.username': db.user,
        'migration.password': db.password])
return true
