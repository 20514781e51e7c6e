/**
 * Annotations for what a JPA model cannot express by itself, read by {@code migration-processor} at
 * compile time. They have class retention: kept in the class files, because a partial recompilation
 * (IDE builds, {@code useIncrementalCompilation=false}) reads the entities it does not recompile from
 * there, but never loaded at run time, so the dependency can stay {@code provided}.
 */
package io.github.entitymigrations.annotations;
