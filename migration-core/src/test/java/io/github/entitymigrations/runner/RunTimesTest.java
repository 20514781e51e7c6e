package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.runner.TestDatabase.Kind;
import io.github.entitymigrations.testing.PostgresDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The debug line an upgrade and a downgrade end with: every phase, in order, in milliseconds, adding up to the
 * total; only at debug level (the info lines stay as they were). On the {@link CatalogModel}.
 */
class RunTimesTest {

    @RegisterExtension
    static final PostgresDatabase PG = new PostgresDatabase();

    private static final Pattern PHASE = Pattern.compile("([a-z][a-z ]*) (-?[0-9]+\\.[0-9]) ms");

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUpgradeAndADowngradeEndWithWhereTheirTimeWentAtDebugLevel(Kind kind) throws Exception {
        TestDatabase db = TestDatabase.open(kind, PG, tmp);
        MigrationHistory h = CatalogModel.write(tmp.resolve("migrations"));
        List<String> debug = new ArrayList<>();
        List<String> info = new ArrayList<>();
        Console console = new Console() {
            @Override
            public void info(String line) {
                info.add(line);
            }

            @Override
            public void warn(String line) {
                info.add(line);
            }

            @Override
            public void debug(String line) {
                debug.add(line);
            }
        };
        db.migrator(h.chain(), console).upgrade("head");
        db.migrator(h.chain(), console).downgrade("base", true); // the model's rows go with it

        // Besides the times, PostgreSQL says how many commits did not wait for the disk (EarlyCommitTest).
        List<String> early = debug.stream().filter(l -> l.contains("committed without waiting")).toList();
        assertEquals(kind == Kind.POSTGRESQL ? 2 : 0, early.size(), debug.toString());
        debug.removeAll(early);
        assertEquals(2, debug.size(), debug.toString());
        assertTrue(info.stream().noneMatch(l -> l.startsWith(RunTimes.PREFIX)), info.toString());
        // Where DDL is transactional the upgrade is planned beside its statements: what the planning thread did
        // follows the run's own phases. Elsewhere, and going down, everything is planned first.
        assertEquals(!kind.isMariaDb(), debug.get(0).contains("; " + RunTimes.AHEAD + " parse "), debug.get(0));
        assertTrue(!debug.get(1).contains(RunTimes.AHEAD), debug.get(1));
        if (!kind.isMariaDb()) {
            String ahead = debug.get(0).substring(debug.get(0).indexOf(RunTimes.AHEAD) + RunTimes.AHEAD.length());
            assertEquals(List.of("parse", "checks", "plan", "render", "checksums"), PHASE.matcher(ahead).results()
                    .map(r -> r.group(1).strip()).toList(), ahead);
            assertTrue(PHASE.matcher(ahead).results().anyMatch(r -> r.group(1).strip().equals("plan")
                    && Double.parseDouble(r.group(2)) > 0), ahead);
        }
        for (String full : debug) {
            assertTrue(full.startsWith(RunTimes.PREFIX), full);
            String line = full.contains(";") ? full.substring(0, full.indexOf(';')) : full;
            List<String> names = new ArrayList<>();
            double sum = 0;
            double total = -1;
            Matcher m = PHASE.matcher(line);
            while (m.find()) {
                double ms = Double.parseDouble(m.group(2));
                assertTrue(ms >= 0, line);
                if (m.group(1).strip().equals("total")) {
                    total = ms;
                } else {
                    names.add(m.group(1).strip());
                    sum += ms;
                }
            }
            assertEquals(List.of("parse", "checks", "plan", "render", "statements", "checksums", "version rows",
                    "plan wait", "other"), names, line);
            assertTrue(total > 0 && Math.abs(sum - total) <= 0.1 * names.size(), line);
        }
        assertTrue(PHASE.matcher(debug.get(0)).results().anyMatch(r -> r.group(1).strip().equals("statements")
                && Double.parseDouble(r.group(2)) > 0), debug.get(0));
    }
}
