package io.github.entitymigrations.spring;

import io.github.entitymigrations.migrations.MigrationException;

import java.util.Arrays;

import javax.sql.DataSource;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Which of the application's {@code DataSource} beans the migrations run on: the only one, or the
 * {@code @Primary} one. Several without a primary is a start-up failure that says how to choose, rather than
 * Spring's generic "expected single matching bean" deep in a bean-creation stack trace.
 */
final class MigratedDataSource {

    private MigratedDataSource() {
    }

    /**
     * @param candidates the application's DataSource beans
     * @param beans      the context, to name the candidates in the message
     * @throws MigrationException when there are several and none is {@code @Primary}
     */
    static DataSource choose(ObjectProvider<DataSource> candidates, ListableBeanFactory beans) {
        DataSource chosen = candidates.getIfUnique();
        if (chosen != null) {
            return chosen;
        }
        String[] names = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beans, DataSource.class);
        Arrays.sort(names);
        throw new MigrationException("The application has " + names.length + " DataSource beans ("
                + String.join(", ", names) + ") and none is @Primary, so which database to migrate is unclear. "
                + "Mark the one to migrate @Primary, or set entity-migrations.url (with entity-migrations.user and "
                + "entity-migrations.password) to name the database.");
    }
}
