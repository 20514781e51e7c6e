package io.github.entitymigrations.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.entitymigrations.schema.SqlStatement;
import io.github.entitymigrations.schema.SqlStatements;
import io.github.entitymigrations.schema.SqlSyntax;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Hand-written SQL: data migrations and whatever the model cannot express. {@code upgrade} and
 * {@code downgrade} map a dialect name ({@code postgresql}, {@code sqlite}, {@code mariadb}, {@code mysql}) or {@code *} (any) to the
 * statements to run; any other key is refused. Each string may hold several statements: it is split as the
 * database reads it ({@link SqlStatements}) and each statement runs on its own, so a text does the same on
 * every database. A step with no statements for the database in use and no {@code *} ones is refused, unless
 * it names that database with an empty list ({@code "sqlite": []}: nothing to do there). A step with no
 * downgrade must say {@code irreversible: true}; a downgrade through it is then refused before anything runs.
 * {@code schemaChanges} declares what the SQL does to the schema, so replaying the migrations still gives the
 * right state. What the statements may not do is {@link SqlSafety}'s.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Sql(@JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
                  Map<String, List<String>> upgrade,
                  @JsonInclude(value = JsonInclude.Include.NON_EMPTY, content = JsonInclude.Include.ALWAYS)
                  Map<String, List<String>> downgrade,
                  @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean irreversible,
                  List<Operation> schemaChanges) implements Operation {

    public static final String ANY_DIALECT = "*";

    /**
     * The databases a step's statements may be keyed by (besides {@code *}), with how each reads SQL text: the
     * one place to add another. A {@code mariadb} step does not run on MySQL, nor a {@code mysql} one on MariaDB.
     */
    public static final Map<String, SqlSyntax> DIALECTS = dialects();

    private static Map<String, SqlSyntax> dialects() {
        Map<String, SqlSyntax> all = new LinkedHashMap<>();
        all.put("postgresql", SqlSyntax.POSTGRESQL);
        all.put("sqlite", SqlSyntax.SQLITE);
        all.put("mariadb", SqlSyntax.MYSQL);
        all.put("mysql", SqlSyntax.MYSQL);
        return java.util.Collections.unmodifiableMap(all);
    }

    public Sql {
        requireKnownDialects(upgrade, "upgrade");
        requireKnownDialects(downgrade, "downgrade");
        upgrade = upgrade == null ? Map.of() : new TreeMap<>(upgrade);
        downgrade = downgrade == null ? Map.of() : new TreeMap<>(downgrade);
        schemaChanges = schemaChanges == null ? List.of() : List.copyOf(schemaChanges);
        if (upgrade.isEmpty()) {
            throw new IllegalArgumentException("a sql step needs \"upgrade\" statements");
        }
        if (downgrade.isEmpty() && !irreversible) {
            throw new IllegalArgumentException("a sql step needs \"downgrade\" statements, or \"irreversible\": true");
        }
        if (!downgrade.isEmpty() && irreversible) {
            throw new IllegalArgumentException("a sql step marked \"irreversible\" cannot have \"downgrade\" statements");
        }
    }

    /**
     * The statements for a dialect, one SQL statement each: its own, else those for any dialect, each string
     * split into its statements.
     *
     * @throws UnsupportedOperationException when the step has neither (say {@code "<dialect>": []} to run none)
     */
    public static List<String> statementsFor(Map<String, List<String>> byDialect, String dialect) {
        return statements(byDialect, dialect).stream().map(SqlStatement::text).toList();
    }

    /** As {@link #statementsFor}, with each statement's tokens and keywords. */
    public static List<SqlStatement> statements(Map<String, List<String>> byDialect, String dialect) {
        String key = keyFor(byDialect, dialect);
        if (key == null) {
            throw new UnsupportedOperationException(missing(dialect));
        }
        List<SqlStatement> all = new ArrayList<>();
        for (String text : byDialect.get(key)) {
            all.addAll(SqlStatements.split(text, DIALECTS.get(dialect)));
        }
        return all;
    }

    /** The key whose statements run on {@code dialect}: its own, else {@code *}, else {@code null}. */
    public static String keyFor(Map<String, List<String>> byDialect, String dialect) {
        return byDialect.containsKey(dialect) ? dialect : byDialect.containsKey(ANY_DIALECT) ? ANY_DIALECT : null;
    }

    /** Why a step without statements for {@code dialect} is refused, and what to write instead. */
    public static String missing(String dialect) {
        return "it has no statements for " + dialect + " and none for \"*\", so it would do nothing there: add "
                + "them, or write \"" + dialect + "\": [] if it is meant to do nothing on " + dialect;
    }

    private static void requireKnownDialects(Map<String, List<String>> byDialect, String which) {
        if (byDialect == null) {
            return;
        }
        for (Map.Entry<String, List<String>> e : byDialect.entrySet()) {
            String key = e.getKey();
            if (!key.equals(ANY_DIALECT) && !DIALECTS.containsKey(key)) {
                String closest = closest(key);
                throw new IllegalArgumentException("a sql step's \"" + which + "\" is keyed by unknown database \""
                        + key + "\"" + (closest == null ? "" : " (did you mean \"" + closest + "\"?)") + ": the keys are "
                        + String.join(", ", DIALECTS.keySet()) + " and * (any database)");
            }
            if (e.getValue() == null || e.getValue().stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("a sql step's \"" + which + "\" statements for \"" + key
                        + "\" must be a list of strings, without null");
            }
        }
    }

    /** The known key a mistyped one most likely meant ({@code postgres}, {@code sqlite3}, {@code PostgreSQL}). */
    private static String closest(String key) {
        String k = key.strip().toLowerCase(Locale.ROOT);
        for (String known : DIALECTS.keySet()) {
            if (k.length() >= 2 && (known.startsWith(k) || k.startsWith(known) || distance(k, known) <= 2)) {
                return known;
            }
        }
        return null;
    }

    private static int distance(String a, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                row[j] = Math.min(Math.min(row[j] + 1, row[j - 1] + 1),
                        diagonal + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.length()];
    }

    @Override
    public Operation reverse() {
        if (irreversible) {
            throw new IrreversibleOperationException(this);
        }
        List<Operation> undo = new java.util.ArrayList<>();
        for (int i = schemaChanges.size() - 1; i >= 0; i--) {
            undo.add(schemaChanges.get(i).reverse());
        }
        return new Sql(downgrade, upgrade, false, undo);
    }

    @Override
    public void applyTo(SchemaState state) {
        state.apply(schemaChanges);
    }

    @Override
    public String describe() {
        List<String> any = upgrade.values().stream().filter(l -> !l.isEmpty()).findFirst().orElse(List.of());
        String first = any.isEmpty() ? "" : any.get(0).strip().replaceAll("\\s+", " ");
        return "sql: " + (first.length() > 70 ? first.substring(0, 67) + "..." : first)
                + (irreversible ? " (irreversible)" : "");
    }

    /** Every component compared, written out as every step's is: see {@link Operation}. */
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Sql o
                && Objects.equals(upgrade, o.upgrade)
                && Objects.equals(downgrade, o.downgrade)
                && irreversible == o.irreversible
                && Objects.equals(schemaChanges, o.schemaChanges);
    }
}
