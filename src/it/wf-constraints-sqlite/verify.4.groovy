// The same check on SQLite and PostgreSQL: src/it/support/wf/constraints/verify.4.groovy
return evaluate(new File(itSupport, 'wf/constraints/verify.4.groovy'))
