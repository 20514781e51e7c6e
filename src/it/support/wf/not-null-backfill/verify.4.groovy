// After 4 (upgrade as generated, failed): still at 0002, every row kept, nickname still nullable.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    assert Db.tables(c) == ['customers', 'entity_migrations_history']
    assert Db.rows(c, 'select id, nickname from customers order by id') ==
            [[id: 1, nickname: 'ada'], [id: 2, nickname: null], [id: 3, nickname: null]]
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def error = log.readLines().findAll { it.startsWith('[ERROR]') }.join('\n')
    assert error.contains('0003') : error
    assert error.contains('0003_nickname_not_null.json') : error
    assert error.contains('rolled back') && error.contains('version table is unchanged') : error
} finally {
    c.close()
}
return true
