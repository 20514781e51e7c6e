// The same check on SQLite, PostgreSQL and MariaDB: src/it/support/wf/rename/verify.2.groovy
return evaluate(new File(itSupport, 'wf/rename/verify.2.groovy'))
