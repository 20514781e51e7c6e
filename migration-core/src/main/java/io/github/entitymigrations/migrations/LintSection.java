package io.github.entitymigrations.migrations;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * A migration file's {@code "lint"} section: findings its author reviewed and silenced, each with the reason.
 * <pre>"lint" : { "ignore" : [ { "rule" : "pg-index-not-concurrent", "step" : 2, "reason" : "table is new" } ] }</pre>
 *
 * @param ignore the silenced findings
 */
public record LintSection(List<Ignore> ignore) {

    public LintSection {
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
    }

    /**
     * One silenced rule.
     *
     * @param rule   the rule id ({@code pg-index-not-concurrent})
     * @param step   the {@code upgrade} step it is silenced at, counted from 1; {@code null} for every step
     * @param reason why the finding does not apply or is accepted: required, so a reviewer sees it
     */
    @JsonPropertyOrder({"rule", "step", "reason"})
    public record Ignore(String rule, @JsonInclude(JsonInclude.Include.NON_NULL) Integer step, String reason) {

        public Ignore {
            if (rule == null || rule.isBlank()) {
                throw new IllegalArgumentException("a \"lint\" \"ignore\" entry needs the \"rule\" it silences "
                        + "(e.g. \"pg-index-not-concurrent\")");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("the \"lint\" \"ignore\" entry for rule " + rule + " needs a "
                        + "\"reason\": say why the finding does not apply, so a reviewer can judge it");
            }
            if (step != null && step < 1) {
                throw new IllegalArgumentException("the \"lint\" \"ignore\" entry for rule " + rule + " has \"step\" "
                        + step + "; steps count from 1, as generate prints them (leave \"step\" out for every step)");
            }
        }

        /** Whether it silences {@code rule} at {@code step} (counted from 1). */
        public boolean silences(String ruleId, int atStep) {
            return rule.equals(ruleId) && (step == null || step == atStep);
        }
    }
}
