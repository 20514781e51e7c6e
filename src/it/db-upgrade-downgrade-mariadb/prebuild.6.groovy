// Before 6: no username or password properties; the credentials come from the settings.xml server only (also in
// 8 to 10).
context.userProperties.remove('migration.username')
context.userProperties.remove('migration.password')
return true
