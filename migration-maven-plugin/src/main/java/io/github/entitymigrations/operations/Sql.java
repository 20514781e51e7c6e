package io.github.entitymigrations.operations;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hand-written SQL: data migrations and whatever the model cannot express. {@code upgrade} and
 * {@code downgrade} map a dialect name ({@code postgresql}, {@code sqlite}) or {@code *} (any) to the
 * statements to run. A step with no downgrade must say {@code irreversible: true}; a downgrade through it
 * is then refused before anything runs. {@code schemaChanges} declares what the SQL does to the schema,
 * so replaying the migrations still gives the right state.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Sql(Map<String, List<String>> upgrade, Map<String, List<String>> downgrade,
                  @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean irreversible,
                  List<Operation> schemaChanges) implements Operation {

    public static final String ANY_DIALECT = "*";

    public Sql {
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

    /** The statements for a dialect: its own, else those for any dialect, else none. */
    public static List<String> statementsFor(Map<String, List<String>> byDialect, String dialect) {
        List<String> own = byDialect.get(dialect);
        return own != null ? own : byDialect.getOrDefault(ANY_DIALECT, List.of());
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
        List<String> any = upgrade.values().iterator().next();
        String first = any.isEmpty() ? "" : any.get(0).strip().replaceAll("\\s+", " ");
        return "sql: " + (first.length() > 70 ? first.substring(0, 67) + "..." : first)
                + (irreversible ? " (irreversible)" : "");
    }
}
