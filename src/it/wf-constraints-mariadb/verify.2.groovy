// The same check on SQLite, PostgreSQL and MariaDB: src/it/support/wf/constraints/verify.2.groovy
return evaluate(new File(itSupport, 'wf/constraints/verify.2.groovy'))
