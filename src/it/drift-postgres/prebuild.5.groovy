// Before 5: the hand changes of src/it/support/drift/Hand.groovy (legacy), the same on SQLite and PostgreSQL.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def Hand = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'drift/Hand.groovy'))
Hand.legacy(Db, basedir)
return true
