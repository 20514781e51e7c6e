// After 10 (stamp head, verified): both recorded again as stamped (9 re-recorded 0001, 10 added 0002), nothing run.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.rows(c, 'select id, stamped from entity_migrations_history order by id').collect { [it.id, it.stamped as boolean] } ==
            [['0001', true], ['0002', true]]
    assert Db.columns(c, 'customers') == ['id', 'email', 'name', 'phone']
} finally {
    c.close()
}
return true
