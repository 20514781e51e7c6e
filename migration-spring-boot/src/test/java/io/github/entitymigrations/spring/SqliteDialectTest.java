package io.github.entitymigrations.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.entitymigrations.spring.TestDatabase.Kind;

import jakarta.persistence.EntityManagerFactory;

import java.nio.file.Path;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.PostgreSQLDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hibernate's dialect over the migrated schema: {@link SqliteDialect} on SQLite (so a {@code Long} identity id
 * validates), Hibernate's own elsewhere, and the user's choice when there is one.
 */
class SqliteDialectTest {

    @TempDir
    Path dir;

    @Test
    void sqliteGetsTheDialectThatValidatesALongIdentityId() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.SQLITE, dir, "app")) {
            Contexts.application(db).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(dialect(context.getBean(EntityManagerFactory.class))).isInstanceOf(SqliteDialect.class);
            });
        }
    }

    @Test
    void replacesTheCommunityDialectEveryGuideConfigures() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.SQLITE, dir, "app")) {
            Contexts.application(db)
                    .withPropertyValues("spring.jpa.database-platform=org.hibernate.community.dialect.SQLiteDialect")
                    .run(context -> assertThat(dialect(context.getBean(EntityManagerFactory.class)))
                            .isInstanceOf(SqliteDialect.class));
        }
    }

    @Test
    void withoutItHibernateRefusesTheRowIdKey() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.SQLITE, dir, "app")) {
            Contexts.application(db).withPropertyValues("entity-migrations.sqlite-dialect=false").run(context -> {
                assertThat(context).hasFailed();
                assertThat(Contexts.messages(context.getStartupFailure())).contains("wrong column type")
                        .contains("bigint");
            });
        }
    }

    @Test
    void anotherConfiguredDialectIsKept() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.SQLITE, dir, "app")) {
            Contexts.application(db).withPropertyValues("spring.jpa.hibernate.ddl-auto=none",
                    "spring.jpa.database-platform=" + CustomSqliteDialect.class.getName()).run(context ->
                    assertThat(dialect(context.getBean(EntityManagerFactory.class)))
                            .isExactlyInstanceOf(CustomSqliteDialect.class));
        }
    }

    @Test
    void postgresqlKeepsHibernatesDialect() throws Exception {
        try (TestDatabase db = TestDatabase.create(Kind.POSTGRESQL, dir, "app")) {
            Contexts.application(db).run(context -> {
                assertThat(context).hasNotFailed();
                assertThat(dialect(context.getBean(EntityManagerFactory.class)))
                        .isExactlyInstanceOf(PostgreSQLDialect.class);
            });
        }
    }

    private static Dialect dialect(EntityManagerFactory emf) {
        return emf.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect();
    }

    /** An application's own dialect. */
    public static class CustomSqliteDialect extends org.hibernate.community.dialect.SQLiteDialect {
    }
}
