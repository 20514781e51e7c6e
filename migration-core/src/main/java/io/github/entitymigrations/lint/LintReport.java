package io.github.entitymigrations.lint;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What lint found in a run, silenced findings included; {@link #json()} is the machine-readable report for CI.
 *
 * @param database   the dialect judged for ({@code postgresql}, {@code sqlite})
 * @param migrations the ids judged, in chain order
 * @param facts      whether the database's facts (row counts, dependents) were used
 * @param findings   every finding, in migration and step order
 */
@JsonPropertyOrder({"database", "migrations", "facts", "summary", "findings"})
public record LintReport(String database, List<String> migrations, boolean facts, List<Finding> findings) {

    public LintReport {
        migrations = List.copyOf(migrations);
        findings = List.copyOf(findings);
    }

    /** The findings not silenced. */
    public List<Finding> active() {
        return findings.stream().filter(f -> !f.wasSilenced()).toList();
    }

    public List<Finding> silenced() {
        return findings.stream().filter(Finding::wasSilenced).toList();
    }

    /** Whether an active finding fails at {@code failOn}. */
    public boolean fails(FailOn failOn) {
        return active().stream().anyMatch(f -> failOn.fails(f.severity()));
    }

    /**
     * One line: {@code 2 errors, 3 warnings, 1 info in 4 migrations (2 findings silenced)}, or {@code no findings in
     * 4 migrations}.
     */
    public String summary() {
        List<Finding> active = active();
        StringBuilder s = new StringBuilder();
        for (Severity severity : Severity.values()) {
            long n = active.stream().filter(f -> f.severity() == severity).count();
            if (n > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(n).append(' ').append(severity.id())
                        .append(n == 1 || severity == Severity.INFO ? "" : "s");
            }
        }
        long touched = active.stream().map(Finding::migration).distinct().count();
        String in = active.isEmpty() ? " in " + plural(migrations.size(), "migration")
                : " in " + plural(touched, "migration");
        int quiet = silenced().size();
        return (s.isEmpty() ? "no findings" : s.toString()) + in
                + (quiet == 0 ? "" : " (" + plural(quiet, "finding") + " silenced)");
    }

    /** The report as JSON: every finding, silenced ones with their reason. */
    public String json() {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For the report: the counts by severity, active findings only. */
    public java.util.Map<String, Long> getSummary() {
        return active().stream().collect(Collectors.groupingBy(f -> f.severity().id(), java.util.TreeMap::new,
                Collectors.counting()));
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
