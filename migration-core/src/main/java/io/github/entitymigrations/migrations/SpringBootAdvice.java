package io.github.entitymigrations.migrations;

/**
 * The Spring Boot integration's words: {@code entity-migrations.*} and {@code spring.datasource.*} properties.
 * An upgrade is a start of the application with a target; what start-up cannot do (downgrade, stamp, sql) is a
 * call on the {@code EntityMigrations} bean; build-time goals are the Maven plugin's.
 */
final class SpringBootAdvice implements Advice {

    private static final String PREFIX = "entity-migrations.";
    private static final String ON_BEAN = " on the EntityMigrations bean";

    @Override
    public String command(Goal goal, Parameter... parameters) {
        if (goal == Goal.UPGRADE) {
            for (Parameter p : parameters) {
                if (p.setting() == Setting.TARGET) {
                    return parameter(goal, p) + " at the next start";
                }
            }
            return "a start of the application without entity-migrations.check-only (it upgrades to head)";
        }
        if (!goal.inLibrary()) {
            return LIBRARY.command(goal, parameters);
        }
        String from = null;
        String target = null;
        StringBuilder settings = new StringBuilder();
        for (Parameter p : parameters) {
            switch (p.setting()) {
                case FROM -> from = p.value();
                case TARGET -> target = p.value();
                default -> settings.append(settings.isEmpty() ? ", with " : " and ")
                        .append(setting(p.setting(), p.value()));
            }
        }
        return LibraryAdvice.call(goal, from, target) + ON_BEAN + settings;
    }

    @Override
    public String parameter(Goal goal, Parameter parameter) {
        if (goal == Goal.UPGRADE && parameter.setting() == Setting.TARGET) {
            return setting(Setting.TARGET, parameter.value());
        }
        return parameter.setting() == Setting.TARGET || parameter.setting() == Setting.FROM
                ? LIBRARY.parameter(goal, parameter) + ON_BEAN : setting(parameter.setting(), parameter.value());
    }

    @Override
    public String goal(Goal goal) {
        if (goal == Goal.UPGRADE) {
            return "a start of the application";
        }
        return LIBRARY.goal(goal) + (goal.inLibrary() ? ON_BEAN : "");
    }

    @Override
    public String setting(Setting setting, String value) {
        return switch (setting) {
            case TARGET -> PREFIX + "target=" + value;
            case DIRECTORY -> PREFIX + "location=" + value;
            case SCHEMA -> PREFIX + "schema=" + value;
            case LOCK_TIMEOUT -> PREFIX + "lock-timeout=" + value;
            case ALLOW_DATA_LOSS -> PREFIX + "allow-data-loss=" + value;
            case URL -> "spring.datasource.url=" + value;
            case FROM, MESSAGE, STAMP_UNVERIFIED -> LIBRARY.setting(setting, value);
        };
    }

    @Override
    public String phrase(Phrase phrase) {
        return switch (phrase) {
            case GIVE_URL -> "configure a DataSource (spring.datasource.url), or set entity-migrations.url";
            case URL -> "spring.datasource.url (or entity-migrations.url)";
            case SCHEMA -> PREFIX + "schema";
            case CREDENTIALS_OUT_OF_URL -> "remove them from the URL and give them as spring.datasource.username and "
                    + "spring.datasource.password (or entity-migrations.user and entity-migrations.password)";
            case URL_AND_CREDENTIALS -> "spring.datasource.url, and the credentials (spring.datasource.username and "
                    + "spring.datasource.password, or entity-migrations.url, .user and .password)";
            case LOCK_TIMEOUT_FORMAT -> " (a duration such as PT30M or 30m)";
            case RUN_AGAIN -> "start the application again";
            case THIS_TOOL, RUN_MERGE, COMPILE_FIRST, RECOMPILE -> LIBRARY.phrase(phrase);
        };
    }
}
