// The same check on SQLite and PostgreSQL: src/it/support/wf/not-null-backfill/verify.6.groovy
return evaluate(new File(itSupport, 'wf/not-null-backfill/verify.6.groovy'))
