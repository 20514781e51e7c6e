package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;

/**
 * The parser settings of migration files: {@link MigrationJson}'s limits on depth, string length and size,
 * and duplicate keys refused. Kept apart from {@link MigrationJson} so that reading a file with the streaming
 * parser ({@link MigrationJsonReader}, the header of a lazily read file) does not build databind's mapper,
 * whose classes alone take half a second to load in a fresh JVM; the mapper is built on the same settings.
 */
final class StrictJson {

    /** The factory of every streaming read of a migration file. */
    static final JsonFactory FACTORY = newFactory();

    /**
     * The same limits without the parser's duplicate detection, which keeps a set of the keys of every object of
     * a file: for the readers that refuse a key given twice themselves where they read keys
     * ({@link MigrationJsonReader}, which keeps each object's values by key anyway; a lazily read file's header,
     * whose steps are checked when they are parsed).
     */
    static final JsonFactory DUPLICATES_CHECKED_BY_READER = builder().build();

    private StrictJson() {
    }

    /**
     * A factory with the limits and duplicate detection of migration files. (The limits are compile-time
     * constants of {@link MigrationJson}: using them does not initialise it, hence not its mapper.)
     */
    static JsonFactory newFactory() {
        return builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    }

    private static JsonFactoryBuilder builder() {
        return new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MigrationJson.MAX_NESTING)
                        .maxStringLength(MigrationJson.MAX_STRING).maxDocumentLength(MigrationJson.MAX_FILE_BYTES)
                        .build());
    }
}
