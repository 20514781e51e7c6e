// A PostgreSQL database and role for the pg profile, passed to every build as it-pg.* user properties.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.createPostgres(basedir, 'it-Merge-3b8e')
Db.save(basedir, db)
context.userProperties.putAll(['it-pg.url': db.url, 'it-pg.username': db.user, 'it-pg.password': db.password])
return true
