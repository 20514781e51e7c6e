package io.github.entitymigrations.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that an entity or a persistent attribute was renamed, so the next generated migration
 * renames the table or column instead of dropping it and adding a new one: the data stays.
 *
 * <pre>{@code
 * @Entity
 * @RenamedFrom("Customer")      // the entity used to be called Customer
 * public class Client {
 *     @RenamedFrom("mail")       // old Java attribute name, or old column name
 *     private String email;
 * }
 * }</pre>
 *
 * <p>The value may be the old Java name (entity or attribute) or the old database name (table or
 * column). Once the migration that performs the rename is applied everywhere, the annotation can be
 * removed; leaving it in place is harmless.
 */
@Documented
// CLASS, not SOURCE: a partial recompilation reads the entities it does not recompile from their class files.
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD, ElementType.METHOD})
public @interface RenamedFrom {

    /** The previous name: the old Java name or the old table/column name. */
    String value();
}
