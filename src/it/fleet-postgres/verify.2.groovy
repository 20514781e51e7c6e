// 2. tenant_c's 0002 failed and rolled back: it stays at 0001 with its row; the others reached head.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    ['tenant_a', 'tenant_b', 'tenant_d', 'tenant_e'].each { t ->
        assert Db.rows(c, "select id from ${t}.entity_migrations_history order by id".toString())*.id == ['0001', '0002', '0003'] : t
        assert Db.rows(c, "select column_name from information_schema.columns where table_schema = '${t}' and table_name = 'customer' order by ordinal_position".toString())*.column_name == ['id', 'name', 'phone']
    }
    assert Db.rows(c, "select id from tenant_c.entity_migrations_history order by id")*.id == ['0001']
    assert Db.rows(c, "select is_nullable from information_schema.columns where table_schema = 'tenant_c' and table_name = 'customer' and column_name = 'name'")*.is_nullable == ['YES']
    assert Db.rows(c, "select name from tenant_a.customer")*.name == ['Ada']
} finally {
    c.close()
}
return true
