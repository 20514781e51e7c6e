package io.github.entitymigrations.online;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.entitymigrations.diff.Diff;
import io.github.entitymigrations.diff.SchemaDiff;
import io.github.entitymigrations.lint.LintFacts;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Linter;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promise of online mode: lint has nothing to say about its locks. Each fixture change, judged for PostgreSQL,
 * triggers a locking rule in the simple form and none in the online form.
 */
class OnlineFormLintTest {

    /** The PostgreSQL locking rules online mode answers (type rewrites, volatile defaults and drops are not its). */
    private static final Set<String> ONLINE_RULES = Set.of("pg-index-not-concurrent", "pg-fk-not-valid",
            "pg-check-not-valid", "pg-set-not-null", "pg-lock-timeout");

    static List<OnlineFixtures.Change> changes() {
        return OnlineFixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void theOnlineFormLeavesNoLockingFindingWhereTheSimpleFormHasSome(OnlineFixtures.Change change) {
        Schema before = OnlineFixtures.before();
        Diff diff = SchemaDiff.diff(before, change.after());
        Migration simple = new Migration("0002", "0001", "simple", diff.upgrade(), diff.downgrade(), diff.warnings());
        assertFalse(lockingRules(lint(before, List.of(simple))).isEmpty(),
                change + ": the simple form has a locking finding (else this test proves nothing)");

        List<Migration> online = new ArrayList<>();
        String parent = "0001";
        for (OnlinePart p : OnlineForm.of(before, diff.upgrade(), diff.warnings(), "5s")) {
            String id = String.format("%04d", online.size() + 2);
            online.add(new Migration(id, parent, p.message("online"), p.upgrade(), Diff.reverse(p.upgrade()),
                    p.warnings(), p.outsideTransaction(), p.lockTimeout(), null));
            parent = id;
        }
        assertEquals(List.of(), lockingRules(lint(before, online)), change + ": the online form");
    }

    private static LintReport lint(Schema before, List<Migration> migrations) {
        List<MigrationFile> files = migrations.stream()
                .map(m -> new MigrationFile(Path.of(m.id() + "_change.json"), m)).toList();
        return Linter.lint(before, files, "postgresql", LintFacts.NONE, Set.of());
    }

    private static List<String> lockingRules(LintReport report) {
        return report.active().stream().filter(f -> ONLINE_RULES.contains(f.rule()))
                .map(f -> f.file() + " step " + f.step() + " " + f.rule()).toList();
    }
}
