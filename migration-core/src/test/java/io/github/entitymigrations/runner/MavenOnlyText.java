package io.github.entitymigrations.runner;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text only the Maven plugin may print: its commands, {@code -D} properties and POM parameter names. */
final class MavenOnlyText {

    /** {@code mvn compile}, {@code -Dtarget=}, {@code <url>}, {@code settings.xml}, ... */
    private static final Pattern MAVEN = Pattern.compile(
            "\\bmvn\\b|(?<![^\\s(`])-D[a-z]|<(url|serverId|username|password|schema|lockTimeout|migrationsDirectory)>"
                    + "|settings\\.xml");

    private MavenOnlyText() {
    }

    /** The first Maven-only text in {@code message}, if any. */
    static Optional<String> in(String message) {
        Matcher m = MAVEN.matcher(message);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
