// The same check on SQLite and PostgreSQL: src/it/support/wf/data-migration/verify.5.groovy
return evaluate(new File(itSupport, 'wf/data-migration/verify.5.groovy'))
