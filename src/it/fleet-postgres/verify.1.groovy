// 1. Every tenant at 0001 in its own version table; the schema no pattern matched is untouched.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    ['tenant_a', 'tenant_b', 'tenant_c', 'tenant_d', 'tenant_e'].each { t ->
        assert Db.rows(c, "select id from ${t}.entity_migrations_history order by id".toString())*.id == ['0001'] : t
    }
    assert Db.rows(c, "select count(*) as n from information_schema.tables where table_schema = 'billing'")*.n == [0]
    assert Db.rows(c, "select count(*) as n from information_schema.tables where table_schema = 'public'")*.n == [0]
} finally {
    c.close()
}
return true
