// The same check on SQLite and PostgreSQL: src/it/support/drift/verify.3.groovy
return evaluate(new File(itSupport, 'drift/verify.3.groovy'))
