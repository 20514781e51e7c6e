package io.github.entitymigrations.spring;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.orm.jpa.AbstractEntityManagerFactoryBean;
import org.springframework.orm.jpa.JpaVendorAdapter;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Sets {@link SqliteDialect} as the {@code hibernate.dialect} of every container-managed
 * {@code EntityManagerFactory} over an SQLite {@code DataSource}, before Hibernate starts.
 *
 * <p>It works on Spring's {@link LocalContainerEntityManagerFactoryBean} (the same class in Spring Framework
 * 6.2 and 7, unlike Boot's {@code HibernatePropertiesCustomizer}, which moved in Boot 4), so Boot's own and an
 * application's factory beans are both covered. It changes nothing when the dialect is configured to anything
 * but Hibernate's community {@code SQLiteDialect} (the value every SQLite guide tells users to set), or when
 * the database is not SQLite: PostgreSQL and the others keep the dialect Hibernate detects.
 */
final class SqliteDialectPostProcessor implements BeanPostProcessor {

    static final String DIALECT = "hibernate.dialect";
    static final String COMMUNITY_DIALECT = "org.hibernate.community.dialect.SQLiteDialect";
    static final String FACTORY_BEAN = "org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof LocalContainerEntityManagerFactoryBean factory && factory.getDataSource() != null
                && replaceable(configuredDialect(factory)) && isSqlite(factory.getDataSource())) {
            factory.getJpaPropertyMap().put(DIALECT, SqliteDialect.class.getName());
        }
        return bean;
    }

    /** The dialect set in the factory's properties, else by the vendor adapter (Boot's database-platform). */
    private static Object configuredDialect(AbstractEntityManagerFactoryBean factory) {
        Object own = factory.getJpaPropertyMap().get(DIALECT);
        if (own != null) {
            return own;
        }
        JpaVendorAdapter adapter = factory.getJpaVendorAdapter();
        Map<String, ?> vendor = adapter == null ? Map.of() : adapter.getJpaPropertyMap();
        return vendor.get(DIALECT);
    }

    private static boolean replaceable(Object dialect) {
        String name = dialect instanceof Class<?> type ? type.getName() : dialect == null ? null : dialect.toString();
        return name == null || name.isBlank() || name.equals(COMMUNITY_DIALECT);
    }

    private static boolean isSqlite(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return "SQLite".equalsIgnoreCase(JdbcUtils.commonDatabaseName(
                    connection.getMetaData().getDatabaseProductName()));
        } catch (SQLException e) {
            // Hibernate opens the same DataSource next and reports the failure in its own words.
            return false;
        }
    }
}
