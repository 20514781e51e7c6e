package io.github.entitymigrations.reference;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.ImplicitJoinTableNameSource;
import org.hibernate.boot.model.naming.ImplicitNamingStrategyJpaCompliantImpl;

/**
 * A copy of Spring Boot's {@code org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy},
 * so the reference test needs no Spring dependency: JPA-compliant, except that a join table is named
 * after the owning table and the owning attribute ({@code department_projects}), not after both tables.
 */
public class SpringImplicitNamingStrategy extends ImplicitNamingStrategyJpaCompliantImpl {

    @Override
    public Identifier determineJoinTableName(ImplicitJoinTableNameSource source) {
        String name = source.getOwningPhysicalTableName() + "_"
                + source.getAssociationOwningAttributePath().getProperty();
        return toIdentifier(name, source.getBuildingContext());
    }
}
