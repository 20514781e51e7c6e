// The same check on SQLite and PostgreSQL: src/it/support/drift/verify.groovy
return evaluate(new File(itSupport, 'drift/verify.groovy'))
