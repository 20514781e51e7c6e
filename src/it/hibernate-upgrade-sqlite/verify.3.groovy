// After 3 (the Hibernate 7.4 migration applied on SQLite): the checks and the unique key hold.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.versions(c) == ['0001', '0002']
    // The discriminator takes only the concrete entities' values; a Car needs its seats.
    assert Db.failure(c, "insert into Vehicle (id, DTYPE, version) values (1, 'Bus', 0)")?.contains('CHECK')
    assert Db.failure(c, "insert into Vehicle (id, DTYPE, version) values (1, 'Car', 0)")?.contains('CHECK')
    assert Db.failure(c, "insert into Vehicle (id, DTYPE, seats, version) values (1, 'Car', 5, 0)") == null
    assert Db.failure(c, "insert into Vehicle (id, DTYPE, version) values (2, 'Truck', 0)") == null
    // The version is NOT NULL now.
    assert Db.failure(c, "insert into Vehicle (id, DTYPE) values (3, 'Truck')")?.contains('NOT NULL')
    // An order index below 0 is refused; a tag twice for one vehicle too.
    assert Db.failure(c, "insert into Vehicle_stops (stops_ORDER, Vehicle_id, stops) values (-1, 1, 'x')")?.contains('CHECK')
    assert Db.failure(c, "insert into Vehicle_tags (Vehicle_id, tags) values (1, 'red')") == null
    assert Db.failure(c, "insert into Vehicle_tags (Vehicle_id, tags) values (1, 'red')")?.contains('UNIQUE')
} finally {
    c.close()
}
return true
