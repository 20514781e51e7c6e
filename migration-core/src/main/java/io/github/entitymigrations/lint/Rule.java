package io.github.entitymigrations.lint;

import java.util.Set;

/**
 * One lint rule, as the README's rule table lists it.
 *
 * @param id        what users silence and look up ({@code pg-index-not-concurrent})
 * @param category  the group it belongs to
 * @param severity  its usual severity; a finding may be raised to {@code error} when the database's facts show
 *                  it fails (or lowered to {@code info} when they show it is harmless)
 * @param databases the dialects it applies to ({@code postgresql}, {@code sqlite}, {@code mariadb}, {@code mysql})
 * @param title     what it finds
 * @param why       why that matters
 * @param fix       what to do instead
 */
public record Rule(String id, Category category, Severity severity, Set<String> databases, String title, String why,
                   String fix) {

    /** The groups of rules. */
    public enum Category {
        DATA_LOSS("data loss"), EXISTING_ROWS("fails on existing rows"), POSTGRESQL_LOCKING("PostgreSQL locking"),
        MYSQL_LOCKING("MariaDB and MySQL table copies"), ROLLING_DEPLOY("breaks the running application"),
        SQLITE("SQLite");

        private final String title;

        Category(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    public Rule {
        databases = Set.copyOf(databases);
    }

    /** Whether it judges migrations for {@code dialect}. */
    public boolean appliesTo(String dialect) {
        return databases.contains(dialect);
    }
}
