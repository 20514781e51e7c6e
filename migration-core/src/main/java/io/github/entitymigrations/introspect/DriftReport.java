package io.github.entitymigrations.introspect;

import io.github.entitymigrations.migrations.Advice;
import java.util.List;

/**
 * What {@code drift} found: the database, the migration it is at, and every difference between its live
 * schema and the schema its applied migrations produce (none: no drift).
 *
 * @param database    the database, as messages show it (no password)
 * @param current     its current migration id, or {@code base}
 * @param applied     how many migrations are applied
 * @param pending     how many migrations are not applied yet
 * @param differences every difference, ordered by table
 */
public record DriftReport(String database, String current, int applied, int pending, List<Difference> differences) {

    public DriftReport {
        differences = List.copyOf(differences);
    }

    /** Whether the database matches its migrations. */
    public boolean clean() {
        return differences.isEmpty();
    }

    /** What a clean comparison says: {@code No drift: <db> matches ... (at 0005, head).} */
    public String summary() {
        return "No drift: " + database + " matches the schema its " + applied + " applied migration(s) produce (at "
                + current + (pending == 0 ? ", head" : "; " + pending + " pending") + ").";
    }

    /** What a comparison that found drift says: every difference, one a line, then what to do. */
    public String problem() {
        return "Drift: " + database + " does not match the schema its " + applied + " applied migration(s) produce (at "
                + current + "), " + differences.size() + " difference(s):\n" + listed(differences) + "\n" + advice();
    }

    /** The differences as an indented list, one a line. */
    public static String listed(List<Difference> differences) {
        return String.join("\n", differences.stream().map(d -> "  - " + d.message()).toList());
    }

    /** What to do about drift: generate for an intended change, revert a mistaken one; stamp fixes nothing. */
    public static String advice() {
        Advice advice = Advice.current();
        return "For a change that is meant to stay, make the entities say so and generate a migration for it ("
                + advice.command(Advice.Goal.GENERATE, Advice.parameter(Advice.Setting.MESSAGE, "..."))
                + "); otherwise revert the hand change. Stamping (" + advice.goal(Advice.Goal.STAMP)
                + ") records history without changing the schema: it does not fix drift";
    }

    /** The report as JSON, for CI: {@code {"database": ..., "current": ..., "differences": [{...}]}}. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"database\": ").append(string(database)).append(",\n");
        json.append("  \"current\": ").append(string(current)).append(",\n");
        json.append("  \"applied\": ").append(applied).append(",\n");
        json.append("  \"pending\": ").append(pending).append(",\n");
        json.append("  \"drift\": ").append(!clean()).append(",\n");
        json.append("  \"differences\": [");
        for (int i = 0; i < differences.size(); i++) {
            Difference d = differences.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"kind\": ").append(string(d.kind()))
                    .append(", \"object\": ").append(string(d.object()))
                    .append(", \"table\": ").append(string(d.table()))
                    .append(", \"expected\": ").append(string(d.expected()))
                    .append(", \"actual\": ").append(string(d.actual()))
                    .append(", \"message\": ").append(string(d.message())).append('}');
        }
        return json.append(differences.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(ch < 0x20 ? String.format("\\u%04x", (int) ch) : String.valueOf(ch));
            }
        }
        return s.append('"').toString();
    }
}
