// After 3 (upgrade): the books table as MariaDB sees it; the default works on insert, the cascade on delete.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.mariadb(db)
try {
    assert Db.tables(c) == ['authors', 'books', 'entity_migrations_history']
    def cols = Db.rows(c, "select column_name, column_type, is_nullable, column_default from information_schema.columns where table_schema = database() and table_name = 'books'")
            .collectEntries { [it.column_name, it] }
    assert cols.keySet() == ['id', 'author_id', 'created_at', 'genres', 'metadata', 'title'] as Set
    // MariaDB 10.7+ has a uuid type; json is its alias of longtext, checked with json_valid.
    assert cols.id.column_type == 'uuid' && cols.id.is_nullable == 'NO'
    assert cols.author_id.column_type == 'uuid'
    assert cols.created_at.column_type == 'datetime(6)' && cols.created_at.is_nullable == 'NO'
    assert cols.created_at.column_default?.toLowerCase()?.startsWith('current_timestamp')
    assert cols.metadata.column_type == 'longtext' && cols.metadata.is_nullable == 'YES'
    assert cols.title.column_type == 'varchar(255)'
    assert cols.genres.column_type == 'varbinary(40)' && cols.genres.is_nullable == 'YES'
    assert Db.rows(c, "select constraint_name, referenced_table_name, delete_rule from information_schema.referential_constraints where constraint_schema = database() and table_name = 'books'") ==
            [[constraint_name: 'fk_books_author_id', referenced_table_name: 'authors', delete_rule: 'CASCADE']]

    String author = '11111111-1111-1111-1111-111111111111'
    Db.execute(c, "insert into authors (id, name) values ('${author}', 'Ursula')")
    // No created_at given: the server default fills it.
    Db.execute(c, "insert into books (id, author_id, title, metadata) values ('22222222-2222-2222-2222-222222222222', '${author}', 'Earthsea', '{\"pages\": 205, \"tags\": [\"fantasy\"]}')")
    def book = Db.rows(c, "select abs(timestampdiff(hour, created_at, now())) < 15 as fresh, json_value(metadata, '\$.pages') as pages, json_type(json_extract(metadata, '\$.tags')) as tags from books")
    assert book.collect { [fresh: it.fresh as int, pages: it.pages, tags: it.tags] } == [[fresh: 1, pages: '205', tags: 'ARRAY']]
    // Not JSON: refused.
    assert Db.failure(c, "update books set metadata = 'not json'") != null
    // A book of an unknown author is refused; deleting the author deletes the books.
    assert Db.failure(c, "insert into books (id, author_id, title) values (uuid(), '33333333-3333-3333-3333-333333333333', 'x')")?.contains('fk_books_author_id')
    Db.execute(c, "delete from authors where id = '${author}'")
    assert Db.rows(c, 'select count(*) as n from books')*.n.collect { it as int } == [0]
    // A row for the downgrade to take away.
    Db.execute(c, "insert into authors (id, name) values ('${author}', 'Ursula')")
    Db.execute(c, "insert into books (id, author_id, title) values ('22222222-2222-2222-2222-222222222222', '${author}', 'Earthsea')")
    assert Db.versions(c) == ['0001', '0002']
} finally {
    c.close()
}
return true
