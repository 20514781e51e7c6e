package io.github.entitymigrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.spring.TestDatabase.Kind;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;

/** Start-ups that must fail, each with a message that says why, and with nothing applied. */
class StartUpFailuresTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void checkOnlyFailsStartUpListingThePendingMigrations(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withPropertyValues("entity-migrations.check-only=true").run(context -> {
                assertThat(context).hasFailed();
                String messages = Contexts.messages(context.getStartupFailure());
                assertThat(messages).contains("not at head").contains("0001, 0002");
                // Advice in Spring's words, not the Maven plugin's or the library's.
                assertThat(messages).contains("without entity-migrations.check-only").doesNotContain("mvn ")
                        .doesNotContain("upgrade()");
            });
            assertThat(db.tables()).doesNotContain("customer");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void verifyBeforeFailsStartUpOnDriftListingTheDifference(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).run(context -> assertThat(context).hasNotFailed());
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url());
                 java.sql.Statement s = c.createStatement()) {
                s.execute("create table audit_log (id bigint not null, primary key (id))");
            }
            Contexts.application(db).run(context -> assertThat(context).hasNotFailed()); // off by default
            Contexts.application(db).withPropertyValues("entity-migrations.verify-before=true").run(context -> {
                assertThat(context).hasFailed();
                assertThat(Contexts.messages(context.getStartupFailure()))
                        .contains("table audit_log is in the database but not in the migrations")
                        .contains("Nothing was run").doesNotContain("mvn ");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBrokenMigrationFileFailsStartUpNamingIt(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withPropertyValues("entity-migrations.location=classpath:broken-migrations")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(Contexts.messages(context.getStartupFailure())).contains("0002_truncated.json");
                        // Boot's start-up report shows the engine's message (the analyzer is registered).
                        FailureAnalysis analysis = analyzer().analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription()).contains("0002_truncated.json");
                        assertThat(analysis.getAction()).contains("entity-migrations.");
                    });
            assertThat(db.tables()).doesNotContain("customer");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aMissingLocationFailsStartUpNamingIt(Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind, dir, "app")) {
            Contexts.application(db).withPropertyValues("entity-migrations.location=classpath:db/no-such-folder")
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(Contexts.messages(context.getStartupFailure()))
                                .contains("No migrations at classpath:db/no-such-folder");
                    });
        }
    }

    @Test
    void aWrongPasswordOnTheOwnUrlFailsStartUpWithoutPrintingIt() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL, dir, "app")) {
            String url = db.url().replaceFirst("\\?.*", "");
            Contexts.application(db).withPropertyValues("entity-migrations.url=" + url,
                    "entity-migrations.user=no_such_role", "entity-migrations.password=Secret-4f9a",
                    "spring.jpa.hibernate.ddl-auto=none").run(context -> {
                        assertThat(context).hasFailed();
                        String messages = Contexts.messages(context.getStartupFailure());
                        assertThat(messages).contains("no_such_role").doesNotContain("Secret-4f9a");
                    });
            assertThat(db.tables()).isEmpty();
        }
    }

    private static FailureAnalyzer analyzer() {
        // Boot's own analyzers want constructor arguments; only ours matters here.
        List<FailureAnalyzer> ours = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, (type, name, failure) -> { })
                .stream().filter(MigrationFailureAnalyzer.class::isInstance).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }
}
