package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.NamingStrategy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;

/**
 * The processor's {@code -A} options, read and checked once per compilation. A value that is not understood is
 * an error naming the option and its values, never a silent default.
 *
 * @param naming         the naming strategies and quoting settings to follow
 * @param beanValidation whether Bean Validation constraints reach the schema
 * @param note           what to tell the user about a default chosen for them, or {@code null}
 */
record ProcessorOptions(Naming naming, boolean beanValidation, String note) {

    private static final String NAMING = EntityMigrationsProcessor.NAMING_OPTION;
    private static final String BEAN_VALIDATION = EntityMigrationsProcessor.BEAN_VALIDATION_OPTION;
    private static final String AUTO_QUOTE_KEYWORD = EntityMigrationsProcessor.AUTO_QUOTE_KEYWORD_OPTION;
    private static final String GLOBALLY_QUOTED = EntityMigrationsProcessor.GLOBALLY_QUOTED_IDENTIFIERS_OPTION;
    private static final String GLOBALLY_QUOTED_SKIP_COLUMN_DEFINITIONS =
            EntityMigrationsProcessor.GLOBALLY_QUOTED_IDENTIFIERS_SKIP_COLUMN_DEFINITIONS_OPTION;

    static final Set<String> ALL = Set.of(NAMING, BEAN_VALIDATION, AUTO_QUOTE_KEYWORD, GLOBALLY_QUOTED,
            GLOBALLY_QUOTED_SKIP_COLUMN_DEFINITIONS, EntityMigrationsProcessor.HIBERNATE_OPTION);

    /**
     * Spring Boot's implicit naming strategy, whose presence on the compile classpath means a Spring Boot
     * application with Spring's naming by default: Boot 3.x ({@code spring-boot}), Boot 4.x
     * ({@code spring-boot-hibernate}).
     */
    static final List<String> SPRING_NAMING_CLASSES = List.of(
            "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy",
            "org.springframework.boot.hibernate.SpringImplicitNamingStrategy");

    /** The options, or {@code null} after reporting each one that is wrong. */
    static ProcessorOptions read(ProcessingEnvironment env, TypeLookup lookup, Reporter reporter) {
        Map<String, String> options = env.getOptions();
        Boolean beanValidation = bool(options, BEAN_VALIDATION, true, "hibernate.validator.apply_to_ddl", reporter);
        Boolean keywords = bool(options, AUTO_QUOTE_KEYWORD, false, "hibernate.auto_quote_keyword", reporter);
        Boolean global = bool(options, GLOBALLY_QUOTED, false, "hibernate.globally_quoted_identifiers", reporter);
        Boolean skip = bool(options, GLOBALLY_QUOTED_SKIP_COLUMN_DEFINITIONS, false,
                "hibernate.globally_quoted_identifiers_skip_column_definitions", reporter);
        String written = options.get(NAMING);
        NamingStrategy strategy;
        String note = null;
        if (written == null || written.isBlank()) {
            String spring = springNamingClass(lookup);
            strategy = spring == null ? NamingStrategy.JPA : NamingStrategy.SPRING;
            note = spring == null ? null : Message.SPRING_NAMING_DETECTED.format(spring);
        } else {
            strategy = NamingStrategy.fromOption(written);
            if (strategy == null) {
                reporter.error(Message.BAD_NAMING_OPTION.format(written));
            }
        }
        if (strategy == null || beanValidation == null || keywords == null || global == null || skip == null) {
            return null;
        }
        return new ProcessorOptions(new Naming(strategy, new Quoting(global, skip, keywords),
                HibernateVersion.V6_6), beanValidation, note); // SchemaBuilder sets the release it follows
    }

    /** The Spring Boot naming strategy class on the compile classpath, or {@code null}. Loads nothing. */
    static String springNamingClass(TypeLookup lookup) {
        return SPRING_NAMING_CLASSES.stream().filter(name -> lookup.find(name) != null)
                .findFirst().orElse(null);
    }

    private static Boolean bool(Map<String, String> options, String option, boolean fallback, String setting,
                                Reporter reporter) {
        String written = options.get(option);
        if (written == null || written.isBlank()) {
            return fallback;
        }
        return switch (written.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                reporter.error(Message.BAD_BOOLEAN_OPTION.format(option, written, setting));
                yield null;
            }
        };
    }
}
