// The Invoker's post-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
File log = new File(basedir, 'build.log')
assert log.isFile() : "no build log at $log"
String text = log.getText('UTF-8')

// verify ran migration:check, and the committed migration matches the entities.
assert text.contains('The entities and the migrations agree') : 'migration:check did not report agreement'
// migration:upgrade created the database from the committed migration.
assert text =~ /Applied 1 migration\(s\) in \d+ ms; .* is now at 0001 \(head\)/ : 'migration:upgrade did not apply 0001'
// Main booted Hibernate with hbm2ddl.auto=validate, wrote and read back an order.
assert text =~ /Shop OK: customer Ada Lovelace <ada-\w+@example\.com> \(ACTIVE\), order PO-\w+ with 2 lines, total 52\.55; 1 customer\(s\) in the database/ :
        'Main did not print its summary line'
assert new File(basedir, 'entity-migrations.db').isFile()
return true
