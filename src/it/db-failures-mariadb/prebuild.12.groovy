// Before 12: nothing listens on port 1 of this machine.
context.userProperties.put('migration.url', 'jdbc:mariadb://127.0.0.1:1/' + context.userProperties.get('migration.url').replaceFirst('.*/', ''))
return true
