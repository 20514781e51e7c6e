// The hand changes of the drift ITs, the same on SQLite and PostgreSQL (where SQLite cannot alter a column, the
// table is rebuilt from its edited SQL, as a person must do it there), made as the application's role.
import java.sql.Connection

class Hand {

    /** The IT's database as the application connects to it. */
    static Connection open(Class Db, File basedir) {
        return Db.isPostgres(basedir) ? Db.postgresAsOwner(Db.load(basedir)) : Db.sqlite(basedir)
    }

    /** A column added, an index dropped, a type changed, a table created as ddl-auto=update would. */
    static void change(Class Db, File basedir) {
        boolean pg = Db.isPostgres(basedir)
        Connection c = open(Db, basedir)
        try {
            Db.execute(c, 'alter table customers add column nickname varchar(40)')
            Db.execute(c, 'drop index idx_orders_customer')
            Db.execute(c, 'create table audit_log (id bigint not null, action varchar(255), primary key (id))')
            if (pg) {
                Db.execute(c, 'alter table orders alter column total type numeric(12,2)')
            } else {
                rebuild(Db, c, 'orders', 'total numeric(38,2)', 'total numeric(12,2)')
            }
        } finally {
            c.close()
        }
    }

    /** Each change undone. */
    static void revert(Class Db, File basedir) {
        boolean pg = Db.isPostgres(basedir)
        Connection c = open(Db, basedir)
        try {
            Db.execute(c, 'alter table customers drop column nickname')
            Db.execute(c, 'create index idx_orders_customer on orders (customer_id)')
            Db.execute(c, 'drop table audit_log')
            if (pg) {
                Db.execute(c, 'alter table orders alter column total type numeric(38,2)')
            } else {
                rebuild(Db, c, 'orders', 'total numeric(12,2)', 'total numeric(38,2)')
            }
        } finally {
            c.close()
        }
    }

    /** A legacy database: the version table gone, and one column more than the migrations made. */
    static void legacy(Class Db, File basedir) {
        Connection c = open(Db, basedir)
        try {
            Db.execute(c, 'drop table entity_migrations_history')
            Db.execute(c, 'alter table customers add column legacy_flag integer')
        } finally {
            c.close()
        }
    }

    /** SQLite: a new table from the edited SQL, the rows copied, the old one replaced, its indexes made again. */
    static void rebuild(Class Db, Connection c, String table, String from, String to) {
        String sql = Db.rows(c, "select sql from sqlite_master where type = 'table' and name = ?", [table])[0].sql
        assert sql.contains(from) : "no '${from}' in ${sql}"
        def indexes = Db.rows(c, "select sql from sqlite_master where type = 'index' and tbl_name = ? and sql is not null",
                [table])*.sql
        Db.execute(c, 'PRAGMA foreign_keys = OFF')
        Db.execute(c, sql.replace(from, to).replaceFirst(/(?i)create table "?${table}"?/, "create table ${table}_new"))
        Db.execute(c, "insert into ${table}_new select * from ${table}")
        Db.execute(c, "drop table ${table}")
        Db.execute(c, "alter table ${table}_new rename to ${table}")
        indexes.each { Db.execute(c, it) }
    }
}
