// Before 10: the right user with a wrong password.
context.userProperties.put('migration.password', 'Wrong-Password-31c8')
return true
