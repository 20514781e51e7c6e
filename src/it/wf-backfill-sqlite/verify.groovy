// The same check on SQLite and PostgreSQL: src/it/support/wf/backfill/verify.groovy
return evaluate(new File(itSupport, 'wf/backfill/verify.groovy'))
