package io.github.entitymigrations.processor;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The Hibernate release whose {@code create} the snapshot follows. Hibernate's schema for the same entities
 * changed between releases (measured by the reference runs against each, see the README): each constant
 * says which of those changes it has. Releases in between map to the constant that behaves the same.
 */
enum HibernateVersion {
    /** Hibernate 6.x (the reference is 6.6). */
    V6_6("6.6"),
    /**
     * Hibernate 7.0 to 7.2: a check listing the discriminator values of a SINGLE_TABLE hierarchy, a check
     * instead of NOT NULL on a subclass's required columns, and {@code time} columns without fractional seconds.
     */
    V7_2("7.2"),
    /**
     * Hibernate 7.4 and later: also NOT NULL {@code @Version}, {@code @CreationTimestamp} and
     * {@code @UpdateTimestamp} columns, {@code col >= 0} on an {@code @OrderColumn} (from 7.3 on), and a unique
     * key over the columns of an element-collection {@code Set} whose element may be NULL.
     */
    V7_4("7.4");

    private final String label;

    HibernateVersion(String label) {
        this.label = label;
    }

    /** How the option and the snapshot spell it: {@code 6.6}, {@code 7.2}, {@code 7.4}. */
    String label() {
        return label;
    }

    boolean atLeast(HibernateVersion other) {
        return ordinal() >= other.ordinal(); // the constants are in release order
    }

    /** The constant spelled {@code label}, or {@code null}. */
    static HibernateVersion fromLabel(String label) {
        for (HibernateVersion v : values()) {
            if (v.label.equals(label.strip())) {
                return v;
            }
        }
        return null;
    }

    /** Every valid label, for messages: {@code 6.6, 7.2, 7.4}. */
    static String labels() {
        return Arrays.stream(values()).map(HibernateVersion::label).collect(Collectors.joining(", "));
    }

    /**
     * The constant a Hibernate release ({@code 7.3.13.Final}, {@code 6.6.49.Final}) behaves like, or {@code null}
     * when the text is not a version. Hibernate 5 and older 6 releases create other schemas in places this
     * project does not follow; they map to 6.6, the nearest. 7.3 has 7.4's order-column check but not its
     * other changes: it maps to 7.4, whose schema differs from 7.3's only by constraints a 7.3 application
     * does not rely on (see the README).
     */
    static HibernateVersion ofRelease(String release) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(release);
        if (!m.lookingAt()) {
            return null;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        if (major < 7) {
            return V6_6;
        }
        if (major == 7 && minor <= 2) {
            return V7_2;
        }
        return V7_4;
    }
}
