// The same check on SQLite and PostgreSQL: src/it/support/wf/rename/verify.7.groovy
return evaluate(new File(itSupport, 'wf/rename/verify.7.groovy'))
