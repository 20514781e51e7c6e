// Before 12: nothing listens on port 1 of this machine (the IT's own database named in the URL).
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
context.userProperties.put('migration.url', 'jdbc:mariadb://127.0.0.1:1/' + Db.load(basedir).database)
return true
