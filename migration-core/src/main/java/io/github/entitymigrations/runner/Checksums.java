package io.github.entitymigrations.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.migrations.MigrationJson;
import java.util.Iterator;
import java.util.Map;

/**
 * The checksum of a migration: SHA-256 of its canonical JSON, so reformatting a file or changing its line
 * endings changes nothing, while any change to what it does (or says) is caught.
 */
public final class Checksums {

    private Checksums() {
    }

    public static String of(Migration migration) {
        return MigrationFile.sha256(MigrationJson.write(migration.withoutLint()));
    }

    /**
     * Whether {@code file} still has the checksum recorded when it was applied. A file whose text hashes
     * to it is the canonical JSON that was recorded, so it reads back to the same migration: no need to
     * write the JSON again (the costly part of checking a long history). Any other file is compared by its
     * canonical JSON, so reformatting it or changing its line endings still changes nothing.
     */
    static boolean matches(MigrationFile file, String recorded) {
        return recorded != null && (recorded.equals(file.contentChecksum()) || recorded.equals(of(file.migration()))
                || recorded.equals(withoutEmptySqlLists(file.migration())));
    }

    /**
     * The checksum as versions before the strict {@code sql} keys wrote it: they left an empty statement list
     * ({@code "sqlite" : [ ]}, {@code "downgrade" : { "*" : [ ] }}) out of the canonical JSON, which now keeps
     * it (an empty list says "nothing to do on that database"). A migration applied then still matches.
     */
    static String withoutEmptySqlLists(Migration migration) {
        JsonNode tree = MigrationJson.mapper().valueToTree(migration.withoutLint());
        return dropEmptySqlLists(tree) ? MigrationFile.sha256(MigrationJson.write(tree)) : null;
    }

    /** Removes empty statement lists (and maps left empty) from every {@code sql} step; whether any was. */
    private static boolean dropEmptySqlLists(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object && "sql".equals(object.path("op").asText(null))) {
            for (String side : new String[] {"upgrade", "downgrade"}) {
                if (object.get(side) instanceof ObjectNode byDialect) {
                    Iterator<Map.Entry<String, JsonNode>> entries = byDialect.fields();
                    while (entries.hasNext()) {
                        JsonNode statements = entries.next().getValue();
                        if (statements.isArray() && statements.isEmpty()) {
                            entries.remove();
                            changed = true;
                        }
                    }
                    if (byDialect.isEmpty()) {
                        object.remove(side);
                    }
                }
            }
        }
        for (JsonNode child : node) {
            changed |= dropEmptySqlLists(child);
        }
        return changed;
    }
}
