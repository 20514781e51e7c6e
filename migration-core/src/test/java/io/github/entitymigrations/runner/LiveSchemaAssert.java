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
