package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.NamingStrategy;
import java.util.Locale;

/**
 * Hibernate's two-step naming: an implicit (logical) name when the mapping gives none, then a physical
 * name for the database, with Hibernate's quoting settings applied to the logical name in between.
 *
 * @param strategy  which naming strategies the application uses
 * @param quoting   its identifier quoting settings
 * @param hibernate the Hibernate release followed (Spring's physical strategy differs with it)
 */
record Naming(NamingStrategy strategy, Quoting quoting, HibernateVersion hibernate) {

    /** The same naming, for an application on the given Hibernate release. */
    Naming following(HibernateVersion version) {
        return new Naming(strategy, quoting, version);
    }

    /** The physical name of a logical table, column, sequence or schema name. */
    Ident physical(Ident logical) {
        Ident quoted = quoting.apply(logical);
        // Spring Boot 4 (the one for Hibernate 7) names with Hibernate 7's PhysicalNamingStrategySnakeCaseImpl,
        // which leaves a quoted name exactly as written; Spring Boot 3's strategy changes quoted names too.
        if (strategy == NamingStrategy.JPA || quoted == null
                || quoted.quoted() && hibernate.atLeast(HibernateVersion.V7_2)) {
            return quoted;
        }
        StringBuilder b = new StringBuilder(quoted.text().replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            if (underscoreRequired(b.charAt(i - 1), b.charAt(i), b.charAt(i + 1))) {
                b.insert(i++, '_');
            }
        }
        // Spring Boot 3's strategy lower-cases quoted names too (on every database that is case-insensitive).
        return new Ident(b.toString().toLowerCase(Locale.ROOT), quoted.quoted());
    }

    private static boolean underscoreRequired(char before, char current, char after) {
        return Character.isLowerCase(before) && Character.isUpperCase(current) && Character.isLowerCase(after);
    }

    /** A {@code columnDefinition} as Hibernate keeps it (see {@link Quoting#columnDefinition}). */
    String columnDefinition(String written) {
        return quoting.columnDefinition(written);
    }

    /**
     * The logical name of a join table (many-to-many, unidirectional one-to-many, to-one), built as Hibernate
     * builds it from the tables' logical names (what the physical strategy has not changed yet). JPA: both
     * tables' names; Spring: the owner's table name and the owning attribute's name.
     */
    String joinTableName(String ownerLogicalTable, String inverseLogicalTable, String owningAttribute) {
        return ownerLogicalTable + "_" + (strategy == NamingStrategy.JPA ? inverseLogicalTable : owningAttribute);
    }
}
