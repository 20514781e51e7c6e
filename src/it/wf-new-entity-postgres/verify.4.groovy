// The same check on SQLite and PostgreSQL: src/it/support/wf/new-entity/verify.4.groovy
return evaluate(new File(itSupport, 'wf/new-entity/verify.4.groovy'))
