package io.github.entitymigrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.spring.TestDatabase.Kind;

import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An application with two DataSource beans: the migrations run on the {@code @Primary} one, and without a
 * primary the start-up fails saying how to choose (not with Spring's generic "expected single matching bean").
 */
class SeveralDataSourcesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void withoutAPrimaryStartUpFailsSayingHowToChoose(Kind kind) throws Exception {
        try (TestDatabase first = TestDatabase.create(kind, dir, "first");
             TestDatabase second = TestDatabase.create(kind, dir, "second")) {
            runner(first, second).withUserConfiguration(TwoDataSources.class).run(context -> {
                assertThat(context).hasFailed();
                String messages = Contexts.messages(context.getStartupFailure());
                assertThat(messages).contains("2 DataSource beans (firstDataSource, secondDataSource)")
                        .contains("none is @Primary").contains("entity-migrations.url")
                        .doesNotContain("expected single matching bean");
                // Boot's start-up report shows the same advice (the analyzer picks it up).
                FailureAnalysis analysis = analyzer().analyze(context.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("Mark the one to migrate @Primary");
            });
            assertThat(first.tables()).isEmpty();
            assertThat(second.tables()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void thePrimaryOneIsMigratedAndTheOtherLeftAlone(Kind kind) throws Exception {
        try (TestDatabase first = TestDatabase.create(kind, dir, "first");
             TestDatabase second = TestDatabase.create(kind, dir, "second")) {
            runner(first, second).withUserConfiguration(SecondIsPrimary.class).run(context -> {
                assertThat(context).hasNotFailed();
            });
            assertThat(first.tables()).isEmpty();
            assertThat(second.tables()).contains("customer");
        }
    }

    private static ApplicationContextRunner runner(TestDatabase first, TestDatabase second) {
        // Boot's JPA and JdbcTemplate configurations need a single candidate, so they stay out of the way.
        return Contexts.application(first).withPropertyValues("test.first.url=" + first.url(),
                "test.second.url=" + second.url());
    }

    private static FailureAnalyzer analyzer() {
        List<FailureAnalyzer> ours = SpringFactoriesLoader.forDefaultResourceLocation()
                .load(FailureAnalyzer.class, null, (type, name, failure) -> { })
                .stream().filter(MigrationFailureAnalyzer.class::isInstance).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoDataSources {

        @Bean
        DataSource firstDataSource(@Value("${test.first.url}") String url) {
            return new DriverManagerDataSource(url);
        }

        @Bean
        DataSource secondDataSource(@Value("${test.second.url}") String url) {
            return new DriverManagerDataSource(url);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class SecondIsPrimary {

        @Bean
        DataSource firstDataSource(@Value("${test.first.url}") String url) {
            return new DriverManagerDataSource(url);
        }

        @Bean
        @Primary
        DataSource secondDataSource(@Value("${test.second.url}") String url) {
            return new DriverManagerDataSource(url);
        }
    }
}
