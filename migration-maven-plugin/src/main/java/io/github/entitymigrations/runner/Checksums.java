package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checksum of a migration: SHA-256 of its canonical JSON, so reformatting a file or changing its line
 * endings changes nothing, while any change to what it does (or says) is caught.
 */
public final class Checksums {

    private Checksums() {
    }

    public static String of(Migration migration) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(MigrationJson.write(migration).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
