// Before 11: the right credentials, a database the server does not have.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
context.userProperties.put('migration.password', db.password)
context.userProperties.put('migration.url', db.url.replaceFirst('/[^/]+$', '/' + db.database + '_missing'))
return true
