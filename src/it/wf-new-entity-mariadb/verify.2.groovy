// The same check on SQLite, PostgreSQL and MariaDB: src/it/support/wf/new-entity/verify.2.groovy
return evaluate(new File(itSupport, 'wf/new-entity/verify.2.groovy'))
