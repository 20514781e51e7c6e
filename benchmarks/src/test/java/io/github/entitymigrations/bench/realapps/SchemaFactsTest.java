package io.github.entitymigrations.bench.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fact reader's SQLite half, and its reading of MariaDB's {@code show create table}: what the real-application
 * comparison relies on to call two schemas equal.
 */
class SchemaFactsTest {

    @Test
    void checksAreFoundOutsideLiteralsAndCompared() {
        assertEquals(List.of("(kind in ('A','B, c'))", "(n>=0)", "(a=1 or (b=2))"),
                SchemaFacts.checks("create table t (kind varchar(8) check ( kind in ('A', 'B, c') ), "
                        + "note varchar(9) default 'check (x)', n integer, constraint c1 check (n>=0), check (((a=1 or (b=2)))))"));
    }

    @Test
    void quotedPlainNamesInAnSqliteCheckAreTheBareNamesButLiteralsStay() {
        assertEquals(List.of("(attrRepoState in ('ACTIVE','\"x\"'))", "(\"odd name\" > 0)"),
                SchemaFacts.checks("create table t (\"attrRepoState\" varchar(8) check (\"attrRepoState\" in "
                        + "('ACTIVE', '\"x\"')), check (\"odd name\" > 0))"));
    }

    @Test
    void hibernateAndOurSpellingsOfOneSqliteTableGiveTheSameFacts(@TempDir Path dir) throws Exception {
        List<String> hibernate = facts(dir.resolve("h.db"), "create table t (id integer, kind varchar(8) "
                + "check (kind in ('A','B')), primary key (id))", "create index IDX4m2k8zq1w0c9b7x3v5n6t1r2y on t (kind)");
        List<String> ours = facts(dir.resolve("o.db"), "create table t (id integer not null, kind varchar(8), "
                + "constraint pk_t primary key (id), constraint ck_t check (kind in ('A', 'B')))",
                "create index ix_t_kind on t (kind)");
        assertEquals(hibernate, ours);
        assertEquals(List.of("check t (kind in ('A','B'))", "column t.id integer not null", "column t.kind varchar(8) null",
                "index t (kind)", "primary key t (id)", "table t"), ours);
    }

    @Test
    void anExplicitIndexNameAndAForeignKeyAreFacts(@TempDir Path dir) throws Exception {
        List<String> facts = facts(dir.resolve("f.db"), "create table p (id integer primary key)",
                "create table c (id integer primary key, p_id integer references p (id) on delete cascade)",
                "create index by_parent on c (p_id)");
        assertEquals(List.of("column c.id integer not null", "column c.p_id integer null", "column p.id integer not null",
                "foreign key c (p_id) references p (id) on delete cascade on update no action",
                "index c (p_id) named by_parent", "primary key c (id)", "primary key p (id)", "table c", "table p"), facts);
    }

    /**
     * Hibernate's and our spelling of one MariaDB table, as the server prints them back: constraint, index and check
     * names are not facts (the index InnoDB made for a foreign key has the key's name), a column's own check is the
     * table's, a column's character set and a key's method (a long unique text's hash) are facts.
     */
    @Test
    void hibernateAndOurSpellingsOfOneMariaDbTableGiveTheSameFactsButACharacterSetDiffers() {
        String hibernate = String.join("\n", "CREATE TABLE `orders` (",
                "  `id` bigint(20) NOT NULL AUTO_INCREMENT,",
                "  `code` varchar(20) NOT NULL,",
                "  `customer_id` bigint(20) DEFAULT NULL,",
                "  `status` tinyint(4) DEFAULT NULL CHECK (`status` between 0 and 3),",
                "  `note` varchar(120) DEFAULT NULL,",
                "  `path` varchar(1024) DEFAULT NULL,",
                "  PRIMARY KEY (`id`),",
                "  UNIQUE KEY `UK4m2k8zq1w0c9b7x3v5n6t1r2y` (`code`),",
                "  KEY `FK9x8w7v6u5t4s3r2q1p0o9n8m7` (`customer_id`),",
                "  KEY `by_note` (`note`(10)),",
                "  UNIQUE KEY `UKfgshym3fosp0n4dtaav02msha` (`path`) USING HASH,",
                "  CONSTRAINT `FK9x8w7v6u5t4s3r2q1p0o9n8m7` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`)",
                ") ENGINE=InnoDB AUTO_INCREMENT=5 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        String ours = hibernate.replace("UK4m2k8zq1w0c9b7x3v5n6t1r2y", "uk_orders_code")
                .replace("UKfgshym3fosp0n4dtaav02msha", "uk_orders_path")
                .replace("FK9x8w7v6u5t4s3r2q1p0o9n8m7", "fk_orders_customer_id")
                .replace(" CHECK (`status` between 0 and 3)", "")
                .replace("  CONSTRAINT `fk_orders",
                        "  CONSTRAINT `ck_orders_status` CHECK (`status` between 0 and 3),\n  CONSTRAINT `fk_orders")
                .replace(" AUTO_INCREMENT=5", "");
        TreeSet<String> theirs = new TreeSet<>();
        SchemaFacts.table("orders", hibernate, theirs);
        TreeSet<String> mine = new TreeSet<>();
        SchemaFacts.table("orders", ours, mine);
        assertEquals(theirs, mine);
        assertEquals(List.of("check orders (`status` between 0 and 3)", "column orders.code varchar(20) NOT NULL",
                "column orders.customer_id bigint(20) DEFAULT NULL",
                "column orders.id bigint(20) NOT NULL AUTO_INCREMENT", "column orders.note varchar(120) DEFAULT NULL",
                "column orders.path varchar(1024) DEFAULT NULL", "column orders.status tinyint(4) DEFAULT NULL",
                "foreign key orders (customer_id) references customers (id) on delete restrict on update restrict",
                "index orders (customer_id)", "index orders (note(10)) named by_note",
                "options orders ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci",
                "primary key orders (id)", "table orders", "unique orders (code)", "unique orders (path) using hash"),
                List.copyOf(mine));

        TreeSet<String> utf8 = new TreeSet<>();
        SchemaFacts.table("orders", ours.replace("`note` varchar(120) DEFAULT NULL",
                "`note` varchar(120) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci DEFAULT NULL"), utf8);
        utf8.removeAll(mine);
        assertEquals(List.of("column orders.note varchar(120) CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci "
                + "DEFAULT NULL"), List.copyOf(utf8));
    }

    private static List<String> facts(Path file, String... ddl) throws Exception {
        Files.deleteIfExists(file);
        String url = "jdbc:sqlite:" + file;
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String statement : ddl) {
                s.execute(statement);
            }
        }
        return SchemaFacts.read(url);
    }
}
