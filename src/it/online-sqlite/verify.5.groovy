// The same check on PostgreSQL and SQLite: src/it/support/online/verify.5.groovy
return evaluate(new File(itSupport, 'online/verify.5.groovy'))
