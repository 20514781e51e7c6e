package io.github.entitymigrations.lint;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One thing a rule found in one step.
 *
 * @param migration the migration id ({@code 0003})
 * @param file      its file name
 * @param step      the {@code upgrade} step, counted from 1 as {@code generate} prints them
 * @param rule      the rule id
 * @param severity  how bad it is here
 * @param table     the table concerned, or {@code null}
 * @param message   what is wrong, one sentence
 * @param fix       what to do instead
 * @param silenced  why it is silenced (the file's {@code "lint"} reason, or the build's rule list), or {@code null}
 */
@JsonPropertyOrder({"migration", "file", "step", "rule", "severity", "table", "message", "fix", "silenced"})
public record Finding(String migration, String file, int step, String rule, Severity severity,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String table, String message, String fix,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String silenced) {

    /** {@code 0003_add_index.json step 2 [pg-index-not-concurrent] warning: <message>. Fix: <fix>} */
    public String line() {
        return file + " step " + step + " [" + rule + "] " + severity.id() + ": " + message + ". Fix: " + fix
                + (silenced == null ? "" : " (silenced: " + silenced + ")");
    }

    Finding silencedBecause(String reason) {
        return new Finding(migration, file, step, rule, severity, table, message, fix, reason);
    }

    public boolean wasSilenced() {
        return silenced != null;
    }
}
