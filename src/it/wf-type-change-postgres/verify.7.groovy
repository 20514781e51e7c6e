// The same check on SQLite and PostgreSQL: src/it/support/wf/type-change/verify.7.groovy
return evaluate(new File(itSupport, 'wf/type-change/verify.7.groovy'))
