package io.github.entitymigrations.migrations;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The library facade's words: its methods ({@code downgrade("0003")}) and builder settings
 * ({@code .lockTimeout(...)}). Goals only the Maven plugin has (generate, merge, ...) are named as its goals.
 */
final class LibraryAdvice implements Advice {

    @Override
    public String command(Goal goal, Parameter... parameters) {
        if (!goal.inLibrary()) {
            String message = Arrays.stream(parameters).filter(p -> p.setting() == Setting.MESSAGE)
                    .map(p -> " with a message such as \"" + p.value() + "\"").collect(Collectors.joining());
            return goal(goal) + message;
        }
        List<Parameter> settings = Arrays.stream(parameters)
                .filter(p -> p.setting() != Setting.TARGET && p.setting() != Setting.FROM).toList();
        return call(goal, valueOf(Setting.FROM, parameters), valueOf(Setting.TARGET, parameters))
                + (settings.isEmpty() ? "" : " with " + settings.stream().map(p -> setting(p.setting(), p.value()))
                .collect(Collectors.joining(" and ")));
    }

    @Override
    public String parameter(Goal goal, Parameter parameter) {
        return switch (parameter.setting()) {
            case TARGET -> goal.inLibrary() ? call(goal, null, parameter.value()) : quoted(parameter.value());
            case FROM -> call(Goal.SQL, parameter.value(), null);
            default -> setting(parameter.setting(), parameter.value());
        };
    }

    @Override
    public String goal(Goal goal) {
        return goal.inLibrary() ? goal.mavenName() + "()"
                : "the Maven plugin's migration:" + goal.mavenName() + " goal";
    }

    @Override
    public String setting(Setting setting, String value) {
        return switch (setting) {
            case LOCK_TIMEOUT -> ".lockTimeout(Duration.parse(" + quoted(value) + "))";
            case ALLOW_DATA_LOSS -> ".allowDataLoss(" + value + ")";
            case STAMP_UNVERIFIED -> ".stampUnverified(" + value + ")";
            case DIRECTORY -> ".location(" + quoted(value) + ")";
            case URL -> ".url(" + quoted(value) + ")";
            case SCHEMA -> ".schema(" + quoted(value) + ")";
            case TARGET, FROM, MESSAGE -> quoted(value);
        };
    }

    @Override
    public String phrase(Phrase phrase) {
        return switch (phrase) {
            case GIVE_URL -> "configure a .url(...) or a .dataSource(...)";
            case URL -> "the URL (.url(...))";
            case SCHEMA -> ".schema(...)";
            case CREDENTIALS_OUT_OF_URL -> "remove them from the URL and give them separately, through a "
                    + ".dataSource(...) that has them";
            case URL_AND_CREDENTIALS -> "the URL, and the credentials (those of the .dataSource(...), or in the "
                    + ".url(...))";
            case LOCK_TIMEOUT_FORMAT -> "";
            case RUN_AGAIN -> "run it again";
            case THIS_TOOL -> "Entity Migrations";
            case RUN_MERGE -> "Run " + goal(Goal.MERGE);
            case COMPILE_FIRST -> "Compile the entities first";
            case RECOMPILE -> "Recompile the entities from scratch (a clean build)";
        };
    }

    /** {@code downgrade("0003")}, {@code sql("base", "head")}; an absent target is the method's default. */
    static String call(Goal goal, String from, String target) {
        if (goal == Goal.SQL) {
            return "sql(" + quoted(from == null ? "<from>" : from) + ", " + quoted(target == null ? "head" : target)
                    + ")";
        }
        return goal.mavenName() + "(" + (target == null ? "" : quoted(target)) + ")";
    }

    private static String valueOf(Setting setting, Parameter... parameters) {
        return Arrays.stream(parameters).filter(p -> p.setting() == setting).map(Parameter::value).findFirst()
                .orElse(null);
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
