/**
 * The Maven goals ({@code migration:generate}, {@code revision}, {@code check}, {@code merge}, ...): each
 * parses its parameters, calls the engine and maps its errors, in a few lines over
 * {@link io.github.entitymigrations.maven.AbstractMigrationMojo}.
 */
package io.github.entitymigrations.maven;
