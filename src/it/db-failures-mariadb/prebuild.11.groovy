// Before 11: the right credentials, a database the server does not have, though the user may use it (granted in
// advance, as for a database still to be created; without a grant, MariaDB answers "access denied" and does not
// tell whether it exists).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    Db.execute(c, "grant all privileges on `${db.database}_missing`.* to '${db.user}'@'%'")
} finally {
    c.close()
}
context.userProperties.put('migration.password', db.password)
context.userProperties.put('migration.url', db.url.replaceFirst('/[^/]+$', '/' + db.database + '_missing'))
return true
