// Before 12: the same through a jdbc:mysql: URL (MySQL Connector/J): the MySQL flavour's script.
context.userProperties.put('migration.url', 'jdbc:mysql://127.0.0.1:1/none')
return true
