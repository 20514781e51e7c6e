// 1. Every tenant at 0001 in its own version table; the IT's own database is untouched.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    db.tenants.split(',').each { t ->
        assert Db.rows(c, "select id from `${t}`.entity_migrations_history order by id".toString())*.id == ['0001'] : t
    }
    assert Db.rows(c, "select count(*) as n from information_schema.tables where table_schema = ?", [db.database])*.n == [0]
} finally {
    c.close()
}
return true
