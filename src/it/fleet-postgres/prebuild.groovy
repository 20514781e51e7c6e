// A fresh database owned by a fresh login role, with the tenants' schemas (owned by the role) and one schema
// that tenant_* does not match. Every build gets the database as user properties.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createPostgres(basedir, 'it-Fleet-5e3a')
Db.save(basedir, db)
println "Database ${db.url} (${db.source}), role ${db.user}"
def c = Db.postgresAsOwner(db)
try {
    ['tenant_a', 'tenant_b', 'tenant_c', 'tenant_d', 'tenant_e', 'billing'].each { Db.execute(c, "create schema ${it}") }
} finally {
    c.close()
}
context.userProperties.putAll([
        'migration.url'     : db.url,
        'migration.username': db.user,
        'migration.password': db.password])
return true
