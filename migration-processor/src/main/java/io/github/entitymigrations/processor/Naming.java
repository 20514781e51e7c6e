package io.github.entitymigrations.processor;

import java.util.Locale;

/**
 * Hibernate's two-step naming: an implicit (logical) name when the mapping gives none, then a physical
 * name for the database. {@link #JPA} is Hibernate's default ({@code ImplicitNamingStrategyJpaCompliantImpl}
 * with the identity physical strategy); {@link #SPRING} is Spring Boot's default
 * ({@code SpringImplicitNamingStrategy} with {@code CamelCaseToUnderscoresNamingStrategy}).
 */
enum Naming {
    JPA,
    SPRING;

    static Naming fromOption(String option) {
        if (option == null || option.isBlank() || option.equalsIgnoreCase("jpa")) {
            return JPA;
        }
        if (option.equalsIgnoreCase("spring")) {
            return SPRING;
        }
        return null;
    }

    String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The physical name of a logical table, column, sequence or schema name. */
    Ident physical(Ident logical) {
        if (this == JPA || logical == null) {
            return logical;
        }
        StringBuilder b = new StringBuilder(logical.text().replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            if (underscoreRequired(b.charAt(i - 1), b.charAt(i), b.charAt(i + 1))) {
                b.insert(i++, '_');
            }
        }
        return new Ident(b.toString().toLowerCase(Locale.ROOT), logical.quoted());
    }

    private static boolean underscoreRequired(char before, char current, char after) {
        return Character.isLowerCase(before) && Character.isUpperCase(current) && Character.isLowerCase(after);
    }

    /**
     * The logical name of a many-to-many or unidirectional one-to-many join table. JPA: both tables'
     * physical names; Spring: the owner's physical table name and the owning attribute's name.
     */
    String joinTableName(String ownerPhysicalTable, String inversePhysicalTable, String owningAttribute) {
        return ownerPhysicalTable + "_" + (this == JPA ? inversePhysicalTable : owningAttribute);
    }
}
