// Before 5: an entity is edited after the last compile (a new attribute), as when one forgets `mvn compile`.
File user = new File(basedir, 'src/main/java/com/example/app/User.java')
String text = user.getText('UTF-8')
int end = text.lastIndexOf('}')
user.setText(text.substring(0, end) + '    private String nickname;\n}\n', 'UTF-8')
user.setLastModified(System.currentTimeMillis() + 2000)
return true
