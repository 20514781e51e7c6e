// After 3 (upgrade): the books table as PostgreSQL sees it; the default works on insert, the cascade on delete.
def Db = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, 'ItDb.groovy'))
def db = Db.load(basedir)
def c = Db.postgres(db)
try {
    assert Db.tables(c) == ['authors', 'books', 'entity_migrations_history']
    def cols = Db.rows(c, "select column_name, data_type, is_nullable, column_default from information_schema.columns where table_name = 'books'")
            .collectEntries { [it.column_name, it] }
    assert cols.keySet() == ['id', 'author_id', 'created_at', 'genres', 'metadata', 'title'] as Set
    assert cols.id.data_type == 'uuid' && cols.id.is_nullable == 'NO'
    assert cols.author_id.data_type == 'uuid'
    assert cols.created_at.data_type == 'timestamp with time zone' && cols.created_at.is_nullable == 'NO'
    assert cols.created_at.column_default?.toLowerCase() == 'current_timestamp'
    assert cols.metadata.data_type == 'jsonb' && cols.metadata.is_nullable == 'YES'
    assert cols.title.data_type == 'character varying'
    assert cols.genres.data_type == 'ARRAY' && cols.genres.is_nullable == 'YES'
    assert Db.rows(c, "select format_type(atttypid, atttypmod) as t from pg_attribute where attrelid = 'books'::regclass and attname = 'genres'")*.t == ['character varying(40)[]']
    assert Db.rows(c, "select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'books'::regclass and contype = 'f'") ==
            [[conname: 'fk_books_author_id', def: 'FOREIGN KEY (author_id) REFERENCES authors(id) ON DELETE CASCADE']]

    String author = '11111111-1111-1111-1111-111111111111'
    Db.execute(c, "insert into authors (id, name) values ('${author}', 'Ursula')")
    // No created_at given: the server default fills it.
    Db.execute(c, "insert into books (id, author_id, title, metadata) values ('22222222-2222-2222-2222-222222222222', '${author}', 'Earthsea', '{\"pages\": 205, \"tags\": [\"fantasy\"]}')")
    def book = Db.rows(c, "select created_at is not null and created_at > now() - interval '1 hour' as fresh, metadata ->> 'pages' as pages, jsonb_typeof(metadata -> 'tags') as tags from books")
    assert book == [[fresh: true, pages: '205', tags: 'array']]
    // The array holds its elements, each within the element's length.
    Db.execute(c, "update books set genres = array['fantasy', 'classic']")
    assert Db.rows(c, "select genres[2] as second, cardinality(genres) as n from books") == [[second: 'classic', n: 2]]
    assert Db.failure(c, "update books set genres = array[repeat('x', 41)]")?.contains('too long')
    // A book of an unknown author is refused; deleting the author deletes the books.
    assert Db.failure(c, "insert into books (id, author_id, title) values (gen_random_uuid(), '33333333-3333-3333-3333-333333333333', 'x')")?.contains('fk_books_author_id')
    Db.execute(c, "delete from authors where id = '${author}'")
    assert Db.rows(c, 'select count(*) as n from books')*.n == [0]
    // A row for the downgrade to take away.
    Db.execute(c, "insert into authors (id, name) values ('${author}', 'Ursula')")
    Db.execute(c, "insert into books (id, author_id, title) values ('22222222-2222-2222-2222-222222222222', '${author}', 'Earthsea')")
    assert Db.versions(c) == ['0001', '0002']
} finally {
    c.close()
}
return true
