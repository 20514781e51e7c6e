// After 6 (up again): the new row without a nickname was filled too.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = new File(basedir, 'it-database.properties').isFile()
def c = pg ? Db.postgres(Db.load(basedir)) : Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002', '0003']
    assert Db.rows(c, 'select id, nickname, status, level from customers order by id') ==
            [[id: 1, nickname: 'ada', status: 'ACTIVE', level: 12], [id: 2, nickname: 'grace hopper', status: 'ACTIVE', level: 12],
             [id: 3, nickname: 'alan turing', status: 'ACTIVE', level: 11], [id: 4, nickname: 'edsger dijkstra', status: 'ACTIVE', level: 15]]
} finally {
    c.close()
}
return true
