// A fresh database, owned by a fresh login role. Every build gets the user (migration.username), never a
// password: each invocation gives its own, in the place it tests. The URL comes from one of the properties
// files written here (invoker.systemPropertiesFile.N, given as -D): the database, a database that does not
// exist (the server trusts local connections, so any password works and only this makes a connection fail),
// either with a password in the query, and one with a password in the user part.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createPostgres(basedir, 'Role-Pw-0a77')
Db.save(basedir, db)
println "Database ${db.url} (${db.source}), role ${db.user}"
context.userProperties.put('migration.username', db.user)
def urls = [
        'working'      : db.url,
        'failing'      : db.url + '_missing',
        'query-working': db.url + '?sslmode=disable&password=Url-Query-Pw-f6a8',
        'query-failing': db.url + '_missing?sslmode=disable&password=Url-Query-Pw-f6a8',
        'user-part'    : db.url.replace('jdbc:postgresql://', "jdbc:postgresql://${db.user}:Url-User-Pw-g7b9@")]
urls.each { name, url ->
    Properties p = new Properties()
    p.setProperty('migration.url', url)
    new File(basedir, "${name}.properties").withOutputStream { p.store(it, 'the URL of this case') }
}
return true
