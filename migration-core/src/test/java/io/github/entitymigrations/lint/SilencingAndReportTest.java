package io.github.entitymigrations.lint;

import static io.github.entitymigrations.lint.LintFixture.PG;
import static io.github.entitymigrations.lint.LintFixture.assertHas;
import static io.github.entitymigrations.lint.LintFixture.assertLacks;
import static io.github.entitymigrations.lint.LintFixture.base;
import static io.github.entitymigrations.lint.LintFixture.file;
import static io.github.entitymigrations.lint.LintFixture.ignoring;
import static io.github.entitymigrations.lint.LintFixture.index;
import static io.github.entitymigrations.lint.LintFixture.lint;
import static io.github.entitymigrations.lint.LintFixture.migration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.entitymigrations.migrations.LintSection;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.operations.CreateIndex;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Silencing per step in the file and per rule in the build; the printed line, the summary and the JSON report. */
class SilencingAndReportTest {

    private static final CreateIndex EMAIL = new CreateIndex(null, "users", index("ix_email", false, "email"));
    private static final CreateIndex NAME = new CreateIndex(null, "users", index("ix_name", false, "name"));

    @Test
    void aStepIgnoreSilencesThatStepOnly() {
        var report = lint(PG, ignoring(List.of(new LintSection.Ignore("pg-index-not-concurrent", 2, "built at night")),
                EMAIL, NAME));
        assertEquals(1, report.active().size());
        assertEquals(1, report.active().get(0).step());
        assertEquals(1, report.silenced().size());
        assertEquals("built at night", report.silenced().get(0).silenced());
        assertEquals(2, report.silenced().get(0).step());
    }

    @Test
    void anIgnoreWithoutStepSilencesEveryStep() {
        var report = lint(PG, ignoring(List.of(new LintSection.Ignore("pg-index-not-concurrent", null, "small table")),
                EMAIL, NAME));
        assertLacks(report, "pg-index-not-concurrent");
        assertEquals(2, report.silenced().size());
    }

    @Test
    void theBuildsRuleListSilencesEverywhere() {
        var report = Linter.lint(base(), List.of(file(migration(EMAIL, NAME))), PG, LintFacts.NONE,
                Set.of("pg-index-not-concurrent"));
        assertLacks(report, "pg-index-not-concurrent");
        assertTrue(report.silenced().stream().allMatch(f -> f.silenced().equals(Linter.BUILD_IGNORED)));
        assertHas(lint(PG, migration(EMAIL)), "pg-index-not-concurrent");
    }

    @Test
    void anUnknownRuleIsRefusedNamingTheKnownOnes() {
        var e = assertThrows(MigrationException.class, () -> lint(PG, ignoring(List.of(
                new LintSection.Ignore("pg-index-not-concurent", 1, "typo")), EMAIL)));
        assertTrue(e.getMessage().contains("0002_change.json (migration 0002)"), e.getMessage());
        assertTrue(e.getMessage().contains("\"pg-index-not-concurent\", which does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("pg-index-not-concurrent, pg-unique-not-concurrent"), e.getMessage());
        var build = assertThrows(MigrationException.class, () -> Rules.requireKnown(List.of("drop-tables"), "lintIgnore"));
        assertTrue(build.getMessage().startsWith("lintIgnore names lint rule \"drop-tables\""), build.getMessage());
    }

    @Test
    void anIgnoreNeedsAReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> new LintSection.Ignore("drop-table", null, " "));
        assertTrue(e.getMessage().contains("needs a \"reason\""), e.getMessage());
    }

    @Test
    void oneLinePerFindingWithRuleSeverityAndFix() {
        Finding f = lint(PG, migration(EMAIL)).active().get(0);
        assertEquals("0002_change.json step 1 [pg-index-not-concurrent] warning: creates index ix_email on users "
                + "without concurrently: writes to it wait for the build (SHARE lock). Fix: "
                + Rules.byId("pg-index-not-concurrent").fix(), f.line());
    }

    @Test
    void theSummaryCountsBySeverityAndSilenced() {
        var report = lint(PG, ignoring(List.of(new LintSection.Ignore("pg-index-not-concurrent", 2, "ok")), EMAIL,
                NAME));
        assertEquals("1 warning in 1 migration (1 finding silenced)", report.summary());
        assertEquals("no findings in 1 migration", lint(PG, migration()).summary());
        assertTrue(report.fails(FailOn.parse("warning", "x")));
        assertFalse(report.fails(FailOn.parse("error", "x")));
        assertFalse(report.fails(FailOn.parse("never", "x")));
        var bad = assertThrows(MigrationException.class, () -> FailOn.parse("warnings", "lintFailOn"));
        assertTrue(bad.getMessage().contains("give error, warning, info or never"), bad.getMessage());
    }

    @Test
    void theJsonReportHoldsEveryFindingSilencedOnesWithTheirReason() throws Exception {
        var report = lint(PG, ignoring(List.of(new LintSection.Ignore("pg-index-not-concurrent", 2, "ok")), EMAIL,
                NAME));
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals("postgresql", json.get("database").asText());
        assertEquals("0002", json.get("migrations").get(0).asText());
        assertEquals(1, json.get("summary").get("warning").asInt());
        JsonNode findings = json.get("findings");
        assertEquals(2, findings.size());
        JsonNode first = findings.get(0);
        assertEquals("pg-index-not-concurrent", first.get("rule").asText());
        assertEquals("warning", first.get("severity").asText());
        assertEquals("0002_change.json", first.get("file").asText());
        assertEquals(1, first.get("step").asInt());
        assertEquals("users", first.get("table").asText());
        assertFalse(first.has("silenced"));
        assertEquals("ok", findings.get(1).get("silenced").asText());
    }
}
