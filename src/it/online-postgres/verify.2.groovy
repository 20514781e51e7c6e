// The same check on PostgreSQL and SQLite: src/it/support/online/verify.2.groovy
return evaluate(new File(itSupport, 'online/verify.2.groovy'))
