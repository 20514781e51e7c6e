/**
 * Annotations for what a JPA model cannot express by itself. They have source retention: they are
 * read by {@code migration-processor} at compile time and leave nothing in the compiled classes.
 */
package io.github.entitymigrations.annotations;
