package io.github.entitymigrations.maven;

import io.github.entitymigrations.lint.FailOn;
import io.github.entitymigrations.lint.Finding;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Rules;
import io.github.entitymigrations.lint.Severity;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.Database;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** What the lint, check and generate goals share: reading the lint parameters, printing and writing a report. */
final class LintSupport {

    static final String FAIL_ON = "lintFailOn (-Dmigration.lintFailOn)";
    static final String IGNORE = "lintIgnore (-Dmigration.lintIgnore)";

    private LintSupport() {
    }

    /** The rule ids of {@code lintIgnore} ({@code "a, b"}), each known. */
    static Set<String> ignored(String lintIgnore) {
        Set<String> ids = new LinkedHashSet<>();
        if (lintIgnore != null) {
            Arrays.stream(lintIgnore.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(ids::add);
        }
        Rules.requireKnown(ids, IGNORE);
        return ids;
    }

    static FailOn failOn(String lintFailOn) {
        return FailOn.parse(lintFailOn, FAIL_ON);
    }

    /** The dialect of a configured URL, without connecting; no URL is the default SQLite file. */
    static String dialect(String url) {
        return url == null || url.isBlank() ? "sqlite" : new Database(url.strip(), null, null, null).dialect().name();
    }

    /** Prints a finding at its severity's level: an error or warning as a warning, advice as info. */
    static void print(Log log, Finding f) {
        if (f.severity() == Severity.INFO) {
            log.info(f.line());
        } else if (f.severity() == Severity.ERROR) {
            log.error(f.line());
        } else {
            log.warn(f.line());
        }
    }

    /** Writes the JSON report when asked for ({@code lintReport}); before any failure, so CI always has it. */
    static void write(Log log, LintReport report, File file) {
        if (file == null) {
            return;
        }
        try {
            File parent = file.getAbsoluteFile().getParentFile();
            if (parent != null) {
                Files.createDirectories(parent.toPath());
            }
            Files.writeString(file.toPath(), report.json());
        } catch (IOException e) {
            throw new MigrationException("Cannot write the lint report " + file + ": " + e.getMessage(), e);
        }
        log.info("Wrote the lint report " + file);
    }

    /** The failure when findings reach the threshold. */
    static MojoFailureException failure(LintReport report, FailOn failOn, String goal) {
        long n = report.active().stream().filter(f -> failOn.fails(f.severity())).count();
        return new MojoFailureException(goal + " found " + n + (n == 1 ? " finding" : " findings") + " at or above "
                + failOn + " (" + FAIL_ON + "). Change the steps as each fix says; or, once a finding is reviewed and "
                + "accepted, silence it in the migration file with a reason: \"lint\" : { \"ignore\" : [ { \"rule\" : "
                + "\"<rule>\", \"step\" : <n>, \"reason\" : \"...\" } ] }, or for the whole build with " + IGNORE);
    }
}
