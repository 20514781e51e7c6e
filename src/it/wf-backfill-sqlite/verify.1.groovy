// The same check on SQLite and PostgreSQL: src/it/support/wf/backfill/verify.1.groovy
return evaluate(new File(itSupport, 'wf/backfill/verify.1.groovy'))
