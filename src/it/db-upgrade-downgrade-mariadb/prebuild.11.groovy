// Before 11: a jdbc:mariadb: URL where nothing listens (port 1): the sql goal with -Dfrom only picks its dialect.
context.userProperties.put('migration.url', 'jdbc:mariadb://127.0.0.1:1/none')
return true
