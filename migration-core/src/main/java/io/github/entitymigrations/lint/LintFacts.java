package io.github.entitymigrations.lint;

import io.github.entitymigrations.schema.QualifiedName;
import java.util.List;
import java.util.Map;

/**
 * What the database says about the tables being changed, when lint has one: how many rows each holds (counted up to
 * a limit, so a count stays cheap) and, on SQLite, the views and triggers that name each. Without a database
 * ({@link #NONE}) the rules judge risks; with it, a step known to fail is an error and one known harmless is quiet.
 *
 * @param rows       rows per table, keyed by {@link QualifiedName#key}; a table left out is not known
 * @param rowLimit   counting stopped there: a count equal to it means "at least"
 * @param dependents per table key, the views and triggers naming it ({@code view active_users})
 */
public record LintFacts(Map<String, Long> rows, long rowLimit, Map<String, List<String>> dependents) {

    public static final LintFacts NONE = new LintFacts(Map.of(), 0, Map.of());

    public LintFacts {
        rows = Map.copyOf(rows);
        dependents = Map.copyOf(dependents);
    }

    /** The rows of the table, or {@code null} when not known. */
    public Long rows(String schema, String table) {
        return rows.get(QualifiedName.key(schema, table));
    }

    /** The views and triggers naming the table; empty when none or not known. */
    public List<String> dependents(String schema, String table) {
        return dependents.getOrDefault(QualifiedName.key(schema, table), List.of());
    }

    /** Whether these come from a database. */
    public boolean known() {
        return !rows.isEmpty() || !dependents.isEmpty();
    }

    /** {@code 12 rows}, {@code at least 100000 rows}. */
    public String describeRows(long n) {
        return (rowLimit > 0 && n >= rowLimit ? "at least " : "") + n + (n == 1 ? " row" : " rows");
    }
}
