package io.github.entitymigrations.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.sequence;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code -Amigration.autoQuoteKeyword} and {@code -Amigration.globallyQuotedIdentifiers}, the application's
 * {@code hibernate.auto_quote_keyword} and {@code hibernate.globally_quoted_identifiers}: which names become
 * quoted (case-sensitive on PostgreSQL), with their case kept. QuotingReferenceTest proves the same against
 * Hibernate over every fixture.
 */
class QuotingTest {

    /** The entity: {@code User} with no {@code @Table}. */
    private static final JavaFileObject USER = source("User",
            "@Entity public class User {",
            "  @Id @GeneratedValue private Long id;",
            "  private String nickname;",
            "  private int year;",
            "  @Column(columnDefinition = \"text\") private String bio;",
            "  @ManyToOne private Team team;",
            "}");
    private static final JavaFileObject TEAM = source("Team",
            "@Entity public class Team {",
            "  @Id private Long id;",
            "}");

    @Test
    void byDefaultNothingIsQuoted() {
        Schema schema = compile(USER, TEAM);
        Table user = table(schema, "User");
        assertFalse(user.quoted());
        assertFalse(column(user, "year").quoted());
        assertFalse(sequence(schema, "User_SEQ").quoted());
    }

    @Test
    void autoQuoteKeywordQuotesKeywordsWithTheirCase() {
        Schema schema = compile(List.of("-Amigration.autoQuoteKeyword=true"), USER, TEAM);
        Table user = table(schema, "User");
        assertTrue(user.quoted(), "User is a keyword: Hibernate creates \"User\"");
        assertTrue(column(user, "year").quoted());
        assertFalse(column(user, "nickname").quoted());
        assertFalse(column(user, "id").quoted());
        assertFalse(table(schema, "Team").quoted());
        assertFalse(column(user, "team_id").quoted(), "references an unquoted table and column");
        assertFalse(sequence(schema, "User_SEQ").quoted());
        assertEquals("text", column(user, "bio").columnDefinition());
    }

    @Test
    void anImplicitJoinColumnIsQuotedWhenItsTargetTableIs() {
        JavaFileObject comment = source("Review",
                "@Entity public class Review {",
                "  @Id private Long id;",
                "  @ManyToOne private User author;",
                "}");
        Table review = table(compile(List.of("-Amigration.autoQuoteKeyword=true"), USER, TEAM, comment), "Review");
        assertTrue(column(review, "author_id").quoted());
    }

    @Test
    void springNamingLowerCasesQuotedNames() {
        Schema schema = compile(List.of("-Amigration.naming=spring", "-Amigration.autoQuoteKeyword=true"), USER, TEAM);
        assertTrue(table(schema, "user").quoted());
    }

    @Test
    void globalQuotingQuotesEveryNameAndColumnDefinition() {
        Schema schema = compile(List.of("-Amigration.globallyQuotedIdentifiers=true"), USER, TEAM);
        for (Table t : schema.tables()) {
            assertTrue(t.quoted(), t.name());
            t.columns().forEach(c -> assertTrue(c.quoted(), t.name() + "." + c.name()));
        }
        assertTrue(sequence(schema, "User_SEQ").quoted());
        assertEquals("\"text\"", column(table(schema, "User"), "bio").columnDefinition());

        Schema skipping = compile(List.of("-Amigration.globallyQuotedIdentifiers=true",
                "-Amigration.globallyQuotedIdentifiersSkipColumnDefinitions=true"), USER, TEAM);
        assertEquals("text", column(table(skipping, "User"), "bio").columnDefinition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"migration.autoQuoteKeyword", "migration.globallyQuotedIdentifiers",
            "migration.globallyQuotedIdentifiersSkipColumnDefinitions", "migration.beanValidation"})
    void aValueOtherThanTrueOrFalseIsAnError(String option) {
        Compilation c = Compiler.javac().withProcessors(new EntityMigrationsProcessor())
                .withOptions("-A" + option + "=yes").compile(USER, TEAM);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("Unknown -A" + option + "=yes: use true or false, the value of hibernate.");
    }
}
