// After 2 (drift, failed): the JSON report lists each hand change, saying which side has what.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
boolean pg = Db.isPostgres(basedir)
def clean = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/drift-clean.json'))
assert clean.drift == false && clean.current == '0001' && clean.applied == 1 && clean.differences == []

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/drift.json'))
assert report.drift == true
assert report.current == '0001' && report.applied == 1 && report.pending == 0
assert !report.database.contains('password')
assert report.differences*.message == [
        "table audit_log is in the database but not in the migrations (created by hand, or by Hibernate's ddl-auto=update?)",
        "column customers.nickname (${pg ? 'character varying(40)' : 'varchar(40)'}) is in the database but not in the migrations".toString(),
        'column orders.total: type numeric(12,2) in the database, numeric(38,2) in the migrations',
        'index idx_orders_customer on orders (customer_id) is in the migrations but not in the database']
def total = report.differences[2]
assert total.kind == 'column' && total.object == 'orders.total' && total.table == 'orders'
assert total.expected == 'numeric(38,2)' && total.actual == 'numeric(12,2)'
def index = report.differences[3]
assert index.kind == 'index' && index.object == 'idx_orders_customer' && index.actual == null
return true
