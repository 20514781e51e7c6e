package io.github.entitymigrations.migrations;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The Maven plugin's words: goals, {@code -D} properties and POM parameters, exactly as it always printed them. */
final class MavenAdvice implements Advice {

    @Override
    public String command(Goal goal, Parameter... parameters) {
        // generate and check read the compiled entity snapshot, so the advice compiles first
        String compile = goal == Goal.GENERATE || goal == Goal.CHECK ? "compile " : "";
        return "mvn " + compile + goal(goal) + Arrays.stream(parameters)
                .map(p -> " " + parameter(goal, p)).collect(Collectors.joining());
    }

    @Override
    public String parameter(Goal goal, Parameter parameter) {
        String value = parameter.value();
        return switch (parameter.setting()) {
            case TARGET -> "-Dtarget=" + value;
            case FROM -> "-Dfrom=" + value;
            case MESSAGE -> "-Dmessage=\"" + value + "\"";
            default -> "-D" + property(parameter.setting()) + "=" + value;
        };
    }

    @Override
    public String goal(Goal goal) {
        return "migration:" + goal.mavenName();
    }

    @Override
    public String setting(Setting setting, String value) {
        return switch (setting) {
            case TARGET, FROM, MESSAGE, ALLOW_DATA_LOSS, STAMP_UNVERIFIED -> parameter(null, new Parameter(setting, value));
            default -> "<" + pomName(setting) + ">" + value + "</" + pomName(setting) + "> or -D" + property(setting)
                    + "=" + value;
        };
    }

    @Override
    public String phrase(Phrase phrase) {
        return switch (phrase) {
            case GIVE_URL -> "set <url> or -Dmigration.url";
            case URL -> "<url> (-Dmigration.url)";
            case SCHEMA -> "<schema> (or -Dmigration.schema)";
            case CREDENTIALS_OUT_OF_URL -> "remove them from <url> and give them as <serverId> (a <server> of "
                    + "settings.xml) or <username>/<password>";
            case URL_AND_CREDENTIALS -> "<url>, and the credentials (<serverId> in settings.xml, or "
                    + "<username>/<password>)";
            case LOCK_TIMEOUT_FORMAT -> " (an ISO-8601 duration, or seconds)";
            case RUN_AGAIN -> "run the goal again";
            case THIS_TOOL -> "this plugin";
            case RUN_MERGE -> "Run `" + command(Goal.MERGE) + "`";
            case COMPILE_FIRST -> "Compile first (mvn compile migration:...)";
            case RECOMPILE -> "Recompile with mvn clean compile";
        };
    }

    private static String pomName(Setting setting) {
        return setting == Setting.DIRECTORY ? "migrationsDirectory"
                : property(setting).substring("migration.".length());
    }

    private static String property(Setting setting) {
        return switch (setting) {
            case DIRECTORY -> "migration.directory";
            case URL -> "migration.url";
            case SCHEMA -> "migration.schema";
            case LOCK_TIMEOUT -> "migration.lockTimeout";
            case ALLOW_DATA_LOSS -> "migration.allowDataLoss";
            case STAMP_UNVERIFIED -> "migration.stampUnverified";
            case TARGET, FROM, MESSAGE -> setting.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
