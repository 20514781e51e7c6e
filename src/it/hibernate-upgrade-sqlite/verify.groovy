// The log of all four invocations (see invoker.properties); verify.3.groovy checked the database after 3.
String log = new File(basedir, 'build.log').getText('UTF-8')
def lines = log.readLines()

// 1, 2 and 4: the processor says which Hibernate it follows, and why.
assert log =~ /entity-migrations: the snapshot follows Hibernate 6\.6 \(detected: hibernate-core 6\.6\.\d+\.Final is on the compile classpath\)/
assert log =~ /entity-migrations: the snapshot follows Hibernate 7\.4 \(detected: hibernate-core 7\.4\.\d+\.Final is on the compile classpath\)/
assert log.contains('entity-migrations: the snapshot follows Hibernate 6.6 (set by -Amigration.hibernate=6.6)')

// 2: check fails after the upgrade, listing what Hibernate 7.4 creates that 6.6 did not, and naming 7.4.
int start = lines.findIndexOf { it.contains('The entities and the migrations differ') }
assert start >= 0 && lines[start].contains('lack 5 step(s)') : lines[start]
assert lines[start + 1..start + 5]*.replaceFirst(/^\[ERROR\]\s+- /, '') == [
        'alter column Vehicle.version: null -> not null',
        "add check constraint ck_Vehicle_Car on Vehicle (DTYPE <> 'Car' or (seats is not null))",
        "add check constraint ck_Vehicle_DTYPE on Vehicle (DTYPE in ('Car','Truck'))",
        'add check constraint ck_Vehicle_stops_stops_ORDER on Vehicle_stops (stops_ORDER>=0)',
        'add unique constraint uk_Vehicle_tags_Vehicle_id_tags on Vehicle_tags (Vehicle_id, tags)']
assert lines[start + 7].contains('Note: the entity snapshot follows Hibernate 7.4') : lines[start + 7]

// 3: generate names the version too; the file holds the five steps.
assert log.contains('0002_hibernate_7_4.json (5 steps; the entity snapshot follows Hibernate 7.4):')
File dir = new File(basedir, 'src/main/resources/db/migrations')
assert (dir.list() as List).sort() == ['0001_create_fleet.json', '0002_hibernate_7_4.json']
String migration = new File(dir, '0002_hibernate_7_4.json').getText('UTF-8')
assert migration.contains('"op" : "add_check"') && migration.contains('"op" : "add_unique"')

// 4: following 6.6 on purpose, the 7.4 additions are differences again (to be taken back).
int last = lines.findLastIndexOf { it.contains('The entities and the migrations differ') }
assert last > start && lines[last].contains('lack 5 step(s)') : lines[last]
assert lines[last + 1..last + 5].any { it.contains('drop check constraint ck_Vehicle_DTYPE') } : lines[last + 1..last + 5]
assert lines[last + 7].contains('Note: the entity snapshot follows Hibernate 6.6') : lines[last + 7]
return true
