package io.github.entitymigrations.schema;

import java.util.Locale;

/**
 * The naming strategies a schema was made with: {@link #JPA} is Hibernate's default
 * ({@code ImplicitNamingStrategyJpaCompliantImpl} with the identity physical strategy); {@link #SPRING} is
 * Spring Boot's default ({@code SpringImplicitNamingStrategy} with {@code CamelCaseToUnderscoresNamingStrategy}).
 * Written as {@code jpa} or {@code spring}: the processor's {@code -Amigration.naming} value and the
 * snapshot's {@code naming}.
 */
public enum NamingStrategy {
    JPA,
    SPRING;

    /** {@code jpa} or {@code spring}. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The strategy an option value names (ignoring case and surrounding blanks), or {@code null}. */
    public static NamingStrategy fromOption(String option) {
        for (NamingStrategy s : values()) {
            if (s.json().equalsIgnoreCase(option.trim())) {
                return s;
            }
        }
        return null;
    }

    /**
     * The strategy a JSON value names, exactly.
     *
     * @throws IllegalArgumentException naming the field, the value and the accepted values
     */
    public static NamingStrategy fromJson(String value) {
        return JsonEnums.fromJson(NamingStrategy.class, "naming", value, NamingStrategy::json);
    }
}
