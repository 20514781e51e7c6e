// After 3 (upgrade): the books table as SQLite sees it; the default works on insert, the cascade on delete.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def c = Db.sqlite(basedir)
try {
    assert Db.tables(c) == ['authors', 'books', 'entity_migrations_history']
    def cols = Db.rows(c, 'pragma table_info(books)').collectEntries { [it.name, it] }
    assert cols.keySet() == ['id', 'author_id', 'created_at', 'genres', 'metadata', 'title'] as Set
    // Hibernate's SQLiteDialect: a UUID is a 16-byte blob, JSON a clob.
    assert cols.id.type == 'BLOB' && cols.id.notnull == 1 && cols.id.pk == 1
    assert cols.author_id.type == 'BLOB' && cols.author_id.notnull == 1
    assert cols.created_at.type == 'timestamp' && cols.created_at.notnull == 1
    assert cols.created_at.dflt_value?.toLowerCase() == 'current_timestamp'
    assert cols.metadata.type == 'clob' && cols.metadata.notnull == 0
    assert cols.genres.type == 'BLOB' && cols.genres.notnull == 0
    assert Db.rows(c, 'pragma foreign_key_list(books)').collect { [it.table, it.from, it.to, it.on_delete] } ==
            [['authors', 'author_id', 'id', 'CASCADE']]

    String author = "x'11111111111111111111111111111111'"
    Db.execute(c, "insert into authors (id, name) values (${author}, 'Ursula')")
    // No created_at given: the server default fills it.
    Db.execute(c, "insert into books (id, author_id, title, metadata) values (x'22222222222222222222222222222222', ${author}, 'Earthsea', '{\"pages\": 205}')")
    def book = Db.rows(c, "select created_at, json_extract(metadata, '\$.pages') as pages from books")
    assert book.size() == 1 && book[0].created_at ==~ /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/ && book[0].pages == 205
    // A book of an unknown author is refused; deleting the author deletes the books.
    assert Db.failure(c, "insert into books (id, author_id, title) values (x'33', x'44', 'x')")?.contains('FOREIGN KEY')
    Db.execute(c, "delete from authors where id = ${author}")
    assert Db.rows(c, 'select count(*) as n from books')*.n == [0]
    // A row for the downgrade to take away.
    Db.execute(c, "insert into authors (id, name) values (${author}, 'Ursula')")
    Db.execute(c, "insert into books (id, author_id, title) values (x'22222222222222222222222222222222', ${author}, 'Earthsea')")
    assert Db.versions(c) == ['0001', '0002']
} finally {
    c.close()
}
return true
