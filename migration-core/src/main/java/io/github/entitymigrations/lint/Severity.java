package io.github.entitymigrations.lint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How bad a finding is: {@link #ERROR} the step is known to fail or lose data on this database, {@link #WARNING} a
 * risk to review, {@link #INFO} advice. Declared worst first.
 */
public enum Severity {
    ERROR, WARNING, INFO;

    /** As printed and in the report: {@code error}, {@code warning}, {@code info}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is as bad as {@code other} or worse. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
