// The same check on SQLite and PostgreSQL: src/it/support/drift/verify.2.groovy
return evaluate(new File(itSupport, 'drift/verify.2.groovy'))
