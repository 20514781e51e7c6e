// A fresh database and user on MIGRATION_TEST_MARIADB_URL's server (or one started for the ITs), and three tenant
// databases the user may use. Every build gets them as user properties, the fleet as a pattern.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createMariaDb(basedir, 'it-Fleet-9c1d')
db.tenants = ['ta', 'tb', 'tc'].collect { "${db.database}_${it}".toString() }.join(',')
Db.save(basedir, db)
println "Database ${db.url} (${db.source}), user ${db.user}, tenants ${db.tenants}"
def c = Db.mariadb(db)
try {
    db.tenants.split(',').each { t ->
        Db.execute(c, "create database `${t}` character set utf8mb4 collate utf8mb4_general_ci")
        Db.execute(c, "grant all privileges on `${t}`.* to '${db.user}'@'%'")
    }
} finally {
    c.close()
}
context.userProperties.putAll([
        'migration.url'     : db.url,
        'migration.username': db.user,
        'migration.password': db.password,
        'migration.schemas' : "${db.database}_t*".toString()])
return true
