/**
 * The Maven goals ({@code migration:generate}, {@code check}, {@code upgrade}, ...): each parses its
 * parameters, calls the engine and maps its errors. The goals themselves arrive with a later issue.
 */
package io.github.entitymigrations.maven;
