package io.github.entitymigrations.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The value existing rows get when the column becomes NOT NULL on a table that already has rows: an attribute
 * made required, or a required attribute added to an existing entity without a server default. The next generated
 * migration then adds or keeps the column nullable, fills it ({@code update <table> set <column> = <value> where
 * <column> is null}) and only then makes it NOT NULL, each step reversible.
 *
 * <pre>{@code
 * @Column(nullable = false)
 * @Backfill("'NEW'")             // a literal; or 0, created_at, coalesce(nickname, name), lower(name)
 * private String status;
 * }</pre>
 *
 * <p>The value is one SQL expression, evaluated for each existing row, so it may name the row's other columns; it
 * runs on every database the migration runs on, so keep to SQL they share (or give the backfill to {@code generate}
 * per run instead). Where no backfill is needed (a new table, a column that does not change) it is ignored, and it
 * may stay in the code once its migration is written.
 */
@Documented
// CLASS, not SOURCE: a partial recompilation reads the entities it does not recompile from their class files.
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.METHOD})
public @interface Backfill {

    /** One SQL expression giving each existing row its value: {@code "'NEW'"}, {@code "0"}, {@code "created_at"}. */
    String value();
}
