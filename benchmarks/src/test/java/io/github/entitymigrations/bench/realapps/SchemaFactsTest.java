package io.github.entitymigrations.bench.realapps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite half of the fact reader: what the real-application comparison relies on to call two schemas equal. */
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
