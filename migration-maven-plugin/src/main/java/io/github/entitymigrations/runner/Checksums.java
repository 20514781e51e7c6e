package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.migrations.MigrationJson;

/**
 * The checksum of a migration: SHA-256 of its canonical JSON, so reformatting a file or changing its line
 * endings changes nothing, while any change to what it does (or says) is caught.
 */
public final class Checksums {

    private Checksums() {
    }

    public static String of(Migration migration) {
        return MigrationFile.sha256(MigrationJson.write(migration));
    }

    /**
     * Whether {@code file} still has the checksum recorded when it was applied. A file whose text hashes
     * to it is the canonical JSON that was recorded, so it reads back to the same migration: no need to
     * write the JSON again (the costly part of checking a long history). Any other file is compared by its
     * canonical JSON, so reformatting it or changing its line endings still changes nothing.
     */
    static boolean matches(MigrationFile file, String recorded) {
        return recorded != null && (recorded.equals(file.contentChecksum()) || recorded.equals(of(file.migration())));
    }
}
