package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.introspect.LiveSchema;
import io.github.entitymigrations.introspect.SchemaObject;
import io.github.entitymigrations.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * A digest of the live schema (every table, column, key, index and sequence as drift reads them, the tool's own
 * tables left out): what the {@link UndoJournal} records between the statements of a unit that runs several DDL
 * statements outside a transaction, each committed at once, so that the run after a kill -9 in their middle can
 * tell how far they got (the live schema's digest equals the one recorded after that statement) and check each
 * statement it undoes.
 */
final class LiveState {

    private LiveState() {
    }

    /**
     * @param scope the schema just after the unit: read the same way while it runs and when a later run recovers
     *              it (it says which other schemas to read, and which unique indexes the migrations made)
     */
    static String of(Connection c, Dialect dialect, VersionTable versions, Schema scope) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (SchemaObject o : LiveSchema.read(c, dialect, versions.schemaIdentifier(), scope,
                SchemaDrift.TOOL_TABLES)) {
            lines.add(o.toString());
        }
        Collections.sort(lines);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
