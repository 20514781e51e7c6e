// Before 4: the hand changes of src/it/support/drift/Hand.groovy (revert), the same on SQLite and PostgreSQL.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def Hand = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'drift/Hand.groovy'))
Hand.revert(Db, basedir)
return true
