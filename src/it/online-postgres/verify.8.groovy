// After 8: the upgrade failed after about the 1s lock timeout, naming the blocking session and what to do; nothing
// of 0005 stayed. Then the blocking session ends.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def blocker = System.properties.remove('online-it.blocker')
String pid = System.properties.remove('online-it.blocker-pid')
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert log.contains('Migration 0005 add phone (0005_add_phone.json) waited longer than its lock timeout (1s)')
    assert log.contains("pid ${pid} (user ".toString())
    assert log.contains('application nightly-report, idle in transaction')
    assert log.contains('holds customers (AccessShareLock)')
    assert log.contains('It was rolled back: nothing of it was applied')
    assert log.contains("select pg_terminate_backend(${pid})".toString())
    assert log.contains('raise "lockTimeout" in 0005_add_phone.json (now "1s")')
    def ms = (log =~ /Applying 0005 add phone/).find()
    assert ms != null
    def c = Db.postgres(Db.load(basedir))
    try {
        assert Db.versions(c) == ['0001', '0002', '0003', '0004']
        assert !Db.columns(c, 'customers').contains('phone')
    } finally {
        c.close()
    }
} finally {
    blocker?.rollback()
    blocker?.close()
}
return true
