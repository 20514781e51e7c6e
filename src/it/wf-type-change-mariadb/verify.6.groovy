// The same check on SQLite, PostgreSQL and MariaDB: src/it/support/wf/type-change/verify.6.groovy
return evaluate(new File(itSupport, 'wf/type-change/verify.6.groovy'))
