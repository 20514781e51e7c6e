// Before 8: another session (a report, say) holds a lock on customers in an open transaction. The connection is
// kept in a system property of this JVM (the invoker's, where the scripts run) until verify.8.groovy ends it.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def blocker = Db.postgresAsOwner(Db.load(basedir)) // the application's role, as the migrations'
blocker.setClientInfo('ApplicationName', 'nightly-report')
blocker.autoCommit = false
def pid = Db.rows(blocker, 'select pg_backend_pid() as pid, (select count(*) from customers) as n')[0].pid
System.properties.put('online-it.blocker', blocker)
System.properties.put('online-it.blocker-pid', String.valueOf(pid))
println "Session ${pid} holds a lock on customers"
return true
