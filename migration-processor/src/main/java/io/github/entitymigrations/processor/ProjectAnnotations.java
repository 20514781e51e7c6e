package io.github.entitymigrations.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * This project's own annotations ({@code migration-annotations}). A partial recompilation (IDE builds,
 * {@code useIncrementalCompilation=false}) reads the entities it does not recompile from their class
 * files, so the annotations must be kept there: CLASS retention. Earlier builds had SOURCE retention,
 * and an entity read from such a class file lost its rename, which the next migration turned into a
 * drop and add.
 */
final class ProjectAnnotations {

    static final String RENAMED_FROM = "io.github.entitymigrations.annotations.RenamedFrom";
    static final String SERVER_DEFAULT = "io.github.entitymigrations.annotations.ServerDefault";
    static final String BACKFILL = "io.github.entitymigrations.annotations.Backfill";

    private ProjectAnnotations() {
    }

    /**
     * Whether the class files compiled now keep both annotations. True when they are not on the classpath:
     * then no source can use them either.
     */
    static boolean keptInClassFiles(TypeLookup lookup) {
        for (String name : List.of(RENAMED_FROM, SERVER_DEFAULT)) {
            TypeElement type = lookup.find(name);
            Ann retention = type == null ? null : Ann.named(type, "java.lang.annotation.Retention");
            if (retention != null && retention.enumName("value").equals("SOURCE")) {
                return false;
            }
        }
        return true;
    }
}
