// 2. Tenant b's 0002 failed and was undone: it stays at 0001 with its row; a and c reached head.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def (a, b, cc) = db.tenants.split(',')
def c = Db.mariadb(db)
try {
    [a, cc].each { t ->
        assert Db.rows(c, "select id from `${t}`.entity_migrations_history order by id".toString())*.id == ['0001', '0002', '0003'] : t
        assert Db.rows(c, "select column_name from information_schema.columns where table_schema = ? and table_name = 'customer' order by ordinal_position", [t])*.column_name == ['id', 'name', 'phone']
    }
    assert Db.rows(c, "select id from `${b}`.entity_migrations_history order by id".toString())*.id == ['0001']
    assert Db.rows(c, "select is_nullable from information_schema.columns where table_schema = ? and table_name = 'customer' and column_name = 'name'", [b])*.is_nullable == ['YES']
    assert Db.rows(c, "select name from `${a}`.customer".toString())*.name == ['Ada']
} finally {
    c.close()
}
return true
