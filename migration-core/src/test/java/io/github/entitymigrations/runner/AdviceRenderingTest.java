package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Advice.Goal;
import io.github.entitymigrations.migrations.Advice.Phrase;
import io.github.entitymigrations.migrations.Advice.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every part of advice, in each front end's words: Maven's as the plugin prints them, the others without Maven. */
class AdviceRenderingTest {

    private static final Advice.Parameter LOCATION = Advice.parameter(Setting.DIRECTORY, "other/migrations");

    @Test
    void mavenSaysGoalsPropertiesAndPomParameters() {
        Advice maven = Advice.MAVEN;
        assertEquals("mvn migration:downgrade -Dtarget=0003 -Dmigration.directory=other/migrations",
                maven.command(Goal.DOWNGRADE, Advice.target("0003"), LOCATION));
        assertEquals("mvn compile migration:generate -Dmessage=\"add phone\"",
                maven.command(Goal.GENERATE, Advice.parameter(Setting.MESSAGE, "add phone")));
        assertEquals("mvn compile migration:check", maven.command(Goal.CHECK));
        assertEquals("-Dfrom=base", maven.parameter(Goal.SQL, Advice.parameter(Setting.FROM, "base")));
        assertEquals("migration:merge", maven.goal(Goal.MERGE));
        assertEquals("<lockTimeout>PT30M</lockTimeout> or -Dmigration.lockTimeout=PT30M",
                maven.setting(Setting.LOCK_TIMEOUT, "PT30M"));
        assertEquals("-Dmigration.allowDataLoss=true", maven.setting(Setting.ALLOW_DATA_LOSS, "true"));
        assertEquals("-Dmigration.stampUnverified=true", maven.setting(Setting.STAMP_UNVERIFIED, "true"));
        assertEquals("<schema>app</schema> or -Dmigration.schema=app", maven.setting(Setting.SCHEMA, "app"));
    }

    @Test
    void theLibraryNamesItsMethodsAndSettings() {
        Advice library = Advice.LIBRARY;
        assertEquals("downgrade(\"0003\") with .location(\"other/migrations\")",
                library.command(Goal.DOWNGRADE, Advice.target("0003"), LOCATION));
        assertEquals("upgrade()", library.command(Goal.UPGRADE));
        assertEquals("sql(\"base\", \"head\")", library.parameter(Goal.SQL, Advice.parameter(Setting.FROM, "base")));
        assertEquals(".lockTimeout(Duration.parse(\"PT30M\"))", library.setting(Setting.LOCK_TIMEOUT, "PT30M"));
        assertEquals(".stampUnverified(true)", library.setting(Setting.STAMP_UNVERIFIED, "true"));
        assertEquals("the Maven plugin's migration:merge goal", library.command(Goal.MERGE));
    }

    @Test
    void springBootNamesPropertiesOrTheBean() {
        Advice spring = Advice.SPRING_BOOT;
        assertEquals("entity-migrations.target=0003 at the next start",
                spring.command(Goal.UPGRADE, Advice.target("0003")));
        assertEquals("downgrade(\"0003\") on the EntityMigrations bean, with "
                + "entity-migrations.location=other/migrations",
                spring.command(Goal.DOWNGRADE, Advice.target("0003"), LOCATION));
        assertEquals("entity-migrations.lock-timeout=PT30M", spring.setting(Setting.LOCK_TIMEOUT, "PT30M"));
        assertEquals("entity-migrations.allow-data-loss=true", spring.setting(Setting.ALLOW_DATA_LOSS, "true"));
        assertEquals("spring.datasource.url (or entity-migrations.url)", spring.phrase(Phrase.URL));
    }

    @Test
    void onlyMavenPrintsMavenForEveryPart() {
        for (Advice advice : List.of(Advice.LIBRARY, Advice.SPRING_BOOT)) {
            assertEquals(List.of(), mavenTextIn(advice), advice.getClass().getSimpleName());
        }
        for (Goal goal : Goal.values()) {
            assertEquals(Optional.of("mvn"), MavenOnlyText.in(Advice.MAVEN.command(goal)), goal.name());
        }
    }

    /** Every part {@code advice} can render that holds Maven-only text. */
    private static List<String> mavenTextIn(Advice advice) {
        List<String> parts = new ArrayList<>();
        for (Goal goal : Goal.values()) {
            parts.add(advice.command(goal, Advice.target("0003"), LOCATION));
            parts.add(advice.goal(goal));
            parts.add(advice.parameter(goal, Advice.target("-1")));
        }
        for (Setting setting : Setting.values()) {
            parts.add(advice.setting(setting, "x"));
        }
        for (Phrase phrase : Phrase.values()) {
            parts.add(advice.phrase(phrase));
        }
        return parts.stream().filter(p -> MavenOnlyText.in(p).isPresent()).toList();
    }

    @Test
    void theScanKnowsMavenText() {
        assertEquals(Optional.of("-Dt"), MavenOnlyText.in("use -Dtarget=1"));
        assertEquals(Optional.empty(), MavenOnlyText.in("downgrade(\"-1\") and entity-migrations.target=-2"));
    }
}
