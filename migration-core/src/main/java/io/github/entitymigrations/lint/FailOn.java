package io.github.entitymigrations.lint;

import io.github.entitymigrations.migrations.MigrationException;
import java.util.Locale;

/**
 * The severity from which findings fail a run ({@code lintFailOn}): {@code error}, {@code warning}, {@code info}, or
 * {@code never}.
 *
 * @param severity the least severity that fails, or {@code null} for never
 */
public record FailOn(Severity severity) {

    public static final FailOn NEVER = new FailOn(null);

    /**
     * @param text  {@code error}, {@code warning}, {@code info} or {@code never}
     * @param where the setting, for the message ({@code lintFailOn})
     */
    public static FailOn parse(String text, String where) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("never")) {
            return NEVER;
        }
        for (Severity s : Severity.values()) {
            if (s.id().equals(t)) {
                return new FailOn(s);
            }
        }
        throw new MigrationException(where + " is \"" + text + "\"; give error, warning, info or never");
    }

    /** Whether a finding of {@code s} fails the run. */
    public boolean fails(Severity s) {
        return severity != null && s.atLeast(severity);
    }

    @Override
    public String toString() {
        return severity == null ? "never" : severity.id();
    }
}
