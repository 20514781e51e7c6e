package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.file.Path;
import java.util.List;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The classic drift: an application booted with {@code hibernate.hbm2ddl.auto=update} (Spring's
 * {@code ddl-auto=update}) over an entity the migrations do not have. Hibernate itself creates the table
 * here, with its own DDL (PostgreSQLDialect, SQLiteDialect, MariaDBDialect, and MySQLDialect over the mysql
 * flavour's URL), and drift names it, once.
 */
class DdlAutoUpdateDriftTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    @TempDir
    Path tmp;

    /** An entity added to the code without a migration. */
    @Entity
    @Table(name = "audit_log")
    public static class AuditLog {
        @Id
        Long id;
        String action;
        java.time.Instant at;
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTableHibernateCreatedWithUpdateIsReported(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        Migrator migrator = db.migrator(DriftFixture.write(tmp.resolve("migrations")).chain());
        migrator.upgrade("head");

        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, db.database().url())
                .applySetting(AvailableSettings.DIALECT, switch (kind) {
                    case POSTGRESQL -> "org.hibernate.dialect.PostgreSQLDialect";
                    case SQLITE -> "org.hibernate.community.dialect.SQLiteDialect";
                    case MARIADB -> "org.hibernate.dialect.MariaDBDialect";
                    case MYSQL -> "org.hibernate.dialect.MySQLDialect";
                })
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "update")
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
                .build();
        try {
            new MetadataSources(registry).addAnnotatedClass(AuditLog.class).buildMetadata().buildSessionFactory()
                    .close();
        } finally {
            StandardServiceRegistryBuilder.destroy(registry);
        }

        assertEquals(List.of("table audit_log is in the database but not in the migrations (created by hand, or by "
                + "Hibernate's ddl-auto=update?)"), migrator.drift().differences().stream().map(Difference::message)
                .toList());
    }
}
