package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.introspect.Difference;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/** The database holds exactly {@code expected}: JDBC metadata against {@link ExpectedSchema}, and no drift. */
final class LiveSchemaAssert {

    private LiveSchemaAssert() {
    }

    /**
     * Two migrations up to head and down to the first, twice, the database holding what the migrations say after each
     * step; {@code afterUp} runs after each upgrade (an insert the new schema must take, say).
     */
    static void upAndDownTwice(TestDatabase db, Migrator migrator, MigrationHistory h, String... afterUp)
            throws Exception {
        for (int i = 0; i < 2; i++) {
            migrator.upgrade("head");
            holds(db, migrator, h.schemaAt(2), "upgraded");
            if (afterUp.length > 0) {
                db.execute(afterUp);
            }
            migrator.downgrade("0001", true);
            holds(db, migrator, h.schemaAt(1), "downgraded");
        }
    }

    static void holds(TestDatabase db, Migrator migrator, Schema expected, String step) throws Exception {
        List<String> want = db.expected(expected);
        List<String> have = db.schema();
        List<String> missing = new ArrayList<>(want);
        missing.removeAll(have);
        List<String> extra = new ArrayList<>(have);
        extra.removeAll(want);
        List<String> drift = migrator.drift().differences().stream().map(Difference::message).toList();
        assertEquals("", missing.isEmpty() && extra.isEmpty() && drift.isEmpty() ? ""
                : "metadata: missing " + missing + ", unexpected " + extra + "; drift: " + drift, step);
    }
}
