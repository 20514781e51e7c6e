import groovy.json.JsonSlurper

// Spring Boot's defaults: CamelCaseToUnderscoresNamingStrategy + SpringImplicitNamingStrategy.
File snapshot = new File(basedir, 'target/classes/META-INF/entity-migrations/schema.json')
assert snapshot.isFile() : "no snapshot at $snapshot"
def json = new JsonSlurper().parse(snapshot)

assert json.naming == 'spring'
assert json.tables*.name.sort() == ['blog_author', 'blog_post']

def post = json.tables.find { it.name == 'blog_post' }
assert post.columns*.name == ['id', 'created_at', 'main_author_id', 'title_text'] : "columns: ${post.columns*.name}"
def createdAt = post.columns.find { it.name == 'created_at' }
assert createdAt.nullable == false
assert post.primaryKey.columns == ['id']
assert post.foreignKeys.size() == 1
def fk = post.foreignKeys[0]
assert fk.name == 'fk_blog_post_main_author_id'
assert fk.columns == ['main_author_id']
assert fk.referencedTable == 'blog_author'
assert fk.referencedColumns == ['id']

def author = json.tables.find { it.name == 'blog_author' }
assert author.columns*.name == ['id', 'display_name']

// Hibernate's default sequence BlogPost_SEQ goes through the same physical naming strategy.
assert json.sequences*.name == ['blog_post_seq']
assert json.sequences[0].increment == 50
return true
