// The same check on PostgreSQL and SQLite: src/it/support/online/verify.4.groovy
return evaluate(new File(itSupport, 'online/verify.4.groovy'))
