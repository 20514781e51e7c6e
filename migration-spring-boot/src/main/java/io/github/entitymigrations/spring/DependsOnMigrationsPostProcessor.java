package io.github.entitymigrations.spring;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Makes every bean that uses the schema (each {@code jakarta.persistence.EntityManagerFactory}, the factory
 * beans that make one, such as {@code LocalContainerEntityManagerFactoryBean}, and Spring's JDBC templates)
 * depend on the {@link EntityMigrationsInitializer} beans, so the schema is migrated before any of them
 * starts: with {@code ddl-auto=validate}, Hibernate validates the migrated schema.
 *
 * <p>Flyway's integration does the same with Boot's {@code EntityManagerFactoryDependsOnPostProcessor}, whose
 * package differs between Boot 3.5 and 4.0; this one uses only Spring Framework API. Types are named as
 * strings so a type that is not on the classpath (no JPA in the application) is skipped.
 */
final class DependsOnMigrationsPostProcessor implements BeanFactoryPostProcessor, Ordered {

    /** The types whose beans must wait for the migrations. */
    static final List<String> DEPENDENT_TYPES = List.of(
            "jakarta.persistence.EntityManagerFactory",
            "org.springframework.orm.jpa.AbstractEntityManagerFactoryBean",
            "org.springframework.jdbc.core.JdbcOperations",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations");

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String[] initializers = beanFactory.getBeanNamesForType(EntityMigrationsInitializer.class, true, false);
        if (initializers.length == 0) {
            return;
        }
        for (String name : dependentBeans(beanFactory)) {
            BeanDefinition definition = definition(beanFactory, name);
            if (definition != null) {
                Set<String> dependsOn = new LinkedHashSet<>();
                if (definition.getDependsOn() != null) {
                    dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
                }
                dependsOn.addAll(Arrays.asList(initializers));
                definition.setDependsOn(StringUtils.toStringArray(dependsOn));
            }
        }
    }

    private static Set<String> dependentBeans(ConfigurableListableBeanFactory beanFactory) {
        ClassLoader loader = beanFactory.getBeanClassLoader();
        Set<String> names = new LinkedHashSet<>();
        for (String typeName : DEPENDENT_TYPES) {
            if (ClassUtils.isPresent(typeName, loader)) {
                Class<?> type = ClassUtils.resolveClassName(typeName, loader);
                for (String name : BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beanFactory, type, true,
                        false)) {
                    names.add(BeanFactoryUtils.transformedBeanName(name));
                }
            }
        }
        return names;
    }

    private static BeanDefinition definition(ConfigurableListableBeanFactory beanFactory, String name) {
        try {
            return beanFactory.getBeanDefinition(name);
        } catch (NoSuchBeanDefinitionException e) {
            return null; // defined in a parent context, which orders its own beans
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
