// The same edit on SQLite and PostgreSQL: src/it/support/wf/backfill/prebuild.7.groovy
return evaluate(new File(itSupport, 'wf/backfill/prebuild.7.groovy'))
