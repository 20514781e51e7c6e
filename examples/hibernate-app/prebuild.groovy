// The Invoker's pre-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it):
// the copy of this example starts without a database, even when a local run left entity-migrations.db in
// examples/hibernate-app, so migration:upgrade creates it from scratch.
File db = new File(basedir, 'entity-migrations.db')
assert !db.exists() || db.delete() : "cannot delete $db"
return true
