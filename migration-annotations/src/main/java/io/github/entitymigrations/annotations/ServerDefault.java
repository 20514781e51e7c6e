package io.github.entitymigrations.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a column's server-side default, the SQL expression the database uses when an insert
 * gives no value, for projects that do not use Hibernate's own {@code @ColumnDefault} (which is read
 * as well, with the same meaning).
 *
 * <pre>{@code
 * @ServerDefault("current_timestamp")
 * private Instant createdAt;
 *
 * @ServerDefault("'NEW'")          // a string literal keeps its quotes
 * private String status;
 * }</pre>
 *
 * <p>The expression is copied into the DDL as written, so it should be portable across the databases
 * the project targets ({@code current_timestamp}, numbers and quoted literals are).
 */
@Documented
// CLASS, not SOURCE: a partial recompilation reads the entities it does not recompile from their class files.
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface ServerDefault {

    /** The SQL expression, exactly as it should appear after {@code DEFAULT}. */
    String value();
}
