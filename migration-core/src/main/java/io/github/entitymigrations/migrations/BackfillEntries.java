package io.github.entitymigrations.migrations;

import io.github.entitymigrations.diff.Backfills;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SqlExpression;
import io.github.entitymigrations.schema.SqlStatement;
import io.github.entitymigrations.schema.SqlStatements;
import io.github.entitymigrations.schema.SqlSyntax;
import io.github.entitymigrations.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Backfills given to {@code generate} instead of {@code @Backfill} on the attribute: entries
 * {@code table.column=expression} ({@code schema.table.column=...} for a table in a schema), names matched without
 * regard to case. An entry overrides the attribute's annotation. Unlike the annotation, which stays in the code
 * after its migration is written, an entry is given for one generate, so one that serves no column is a mistake
 * (a typo, a column that needs none) and is refused, naming the columns that could use one.
 */
public final class BackfillEntries {

    private final Map<String, String> entries;

    private BackfillEntries(Map<String, String> entries) {
        this.entries = entries;
    }

    /** No entries. */
    public static BackfillEntries none() {
        return new BackfillEntries(Map.of());
    }

    /**
     * Entries one per string, as a list gives them; each string may also hold several separated by {@code ;} (as
     * one {@code -D} property gives them), split as SQL is, so a {@code ;} inside a quoted literal stays.
     */
    public static BackfillEntries parse(List<String> texts) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String text : texts == null ? List.<String>of() : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            for (SqlStatement s : SqlStatements.split(text, SqlSyntax.POSTGRESQL)) {
                add(s.text().strip(), entries);
            }
        }
        return new BackfillEntries(entries);
    }

    private static void add(String entry, Map<String, String> entries) {
        int eq = entry.indexOf('=');
        String name = eq < 0 ? "" : entry.substring(0, eq).strip();
        String expression = eq < 0 ? "" : entry.substring(eq + 1).strip();
        if (name.lastIndexOf('.') <= 0 || name.endsWith(".") || expression.isEmpty()) {
            throw new MigrationException("The backfill \"" + entry + "\" is not table.column=<SQL expression> (for "
                    + "example customers.nickname='none'); separate several with ;");
        }
        String problem = SqlExpression.problem(expression);
        if (problem != null) {
            throw new MigrationException("The backfill for " + name + " (" + expression + ") " + problem
                    + ": it must be one SQL expression, such as 'none', 0, created_at or coalesce(a, b)");
        }
        if (entries.put(name.toLowerCase(Locale.ROOT), expression) != null) {
            throw new MigrationException("Two backfills name " + name + ": give one");
        }
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entities with each entry's expression as its column's backfill hint. */
    Schema applyTo(Schema entities) {
        if (entries.isEmpty()) {
            return entities;
        }
        List<Table> tables = new ArrayList<>();
        for (Table t : entities.tables()) {
            List<Column> columns = new ArrayList<>();
            for (Column c : t.columns()) {
                String given = entries.get(Backfills.name(t.schema(), t.name(), c.name()).toLowerCase(Locale.ROOT));
                columns.add(given == null ? c : c.withBackfill(given));
            }
            tables.add(new Table(t.schema(), t.name(), t.quoted(), t.renamedFrom(), t.sources(), columns,
                    t.primaryKey(), t.uniques(), t.indexes(), t.checks(), t.foreignKeys()));
        }
        return new Schema(entities.naming(), tables, entities.sequences(), entities.hibernate());
    }

    /**
     * Refuses the entries that name none of {@code candidates} (the columns a backfill serves in this migration,
     * {@link Backfills#candidates}), saying which could use one.
     */
    void requireUsed(Set<String> candidates) {
        Set<String> lower = new java.util.TreeSet<>();
        candidates.forEach(c -> lower.add(c.toLowerCase(Locale.ROOT)));
        List<String> unused = entries.keySet().stream().filter(name -> !lower.contains(name)).toList();
        if (!unused.isEmpty()) {
            throw new MigrationException("The backfill for " + String.join(", ", unused) + " names no column that "
                    + "needs one in this migration (a column made NOT NULL, or added NOT NULL without a default, on a "
                    + "table that already exists); " + (candidates.isEmpty() ? "none does, so give no backfill"
                    : "the columns that could use one: " + String.join(", ", candidates)) + ". Nothing was written");
        }
    }
}
