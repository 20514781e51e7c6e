package io.github.entitymigrations.bench.realapps;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * Spring Boot's implicit naming (its {@code SpringImplicitNamingStrategy}), so the Hibernate side needs no
 * Spring jar: JPA-compliant, except that a join table is named after the owning table and the owning
 * attribute. With Hibernate's {@code CamelCaseToUnderscoresNamingStrategy} it is what Spring Boot configures.
 */
public class SpringImplicitNaming extends ImplicitNamingStrategyJpaCompliantImpl {

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_"
                + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
