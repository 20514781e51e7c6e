// Before 5: what the failure of step 4 told the user to do: undo by hand what stayed applied (the column and the
// row), so the fixed 0002 starts from the schema of 0001. (Nothing to undo once the runner undoes it itself.)
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    Db.execute(c, 'delete from customers where id = 1000')
    if (Db.columns(c, 'customers').contains('note')) {
        Db.execute(c, 'alter table customers drop column note')
    }
} finally {
    c.close()
}
return true
