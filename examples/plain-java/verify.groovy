// The Invoker's post-build hook (execution "examples" of migration-maven-plugin; a plain mvn ignores it).
File log = new File(basedir, 'build.log')
assert log.isFile() : "no build log at $log"
String text = log.getText('UTF-8')

// The migrations came from the packaged jar, not from target/classes.
assert text =~ /Migrations from jar:file:.*plain-java-1\.0-SNAPSHOT\.jar!\/db\/migrations/ : 'not read from the jar'
// 1. The library API applied the packaged migration to a new database.
assert text =~ /Applied 1 migration\(s\) in \d+ ms; jdbc:sqlite:.*notes\.db is now at 0001 \(head\)/ : 'no upgrade'
// 2. Started again: nothing to apply.
assert text.contains('Nothing to do: the database is at 0001 (head).') : 'the second start should apply nothing'
assert (text =~ /current: 0001/).size() == 2
assert (text =~ /history: 0001 applied create notes/).size() == 2
assert text.contains('Notes OK: 1 note(s) in the database') && text.contains('Notes OK: 2 note(s) in the database')

// The table exists, with the history row the library API wrote.
File db = new File(basedir, 'target/notes.db')
assert db.isFile() : "no database at $db"
def c = new org.sqlite.JDBC().connect('jdbc:sqlite:' + db.absolutePath, new Properties())
try {
    def rows = { String sql ->
        def result = []
        c.createStatement().withCloseable { s ->
            s.executeQuery(sql).withCloseable { rs -> while (rs.next()) { result << rs.getString(1) } }
        }
        result
    }
    assert rows("select name from sqlite_master where type = 'table' and name = 'Note'") == ['Note']
    assert rows('select count(*) from Note') == ['2']
    assert rows('select id || \' \' || message from entity_migrations_history') == ['0001 create notes']
} finally {
    c.close()
}
return true
