package io.github.entitymigrations.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps future messages honest: no string in the engine's sources spells Maven advice ({@code mvn ...},
 * {@code -Dtarget=}, {@code <url>}, {@code settings.xml}) except {@code MavenAdvice}, the one place that
 * renders it; a message gives its advice through {@code Advice.current()}.
 */
class MavenTextInSourcesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void onlyMavenAdviceSpellsMavenAdvice() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                if (!file.getFileName().toString().equals("MavenAdvice.java")) {
                    found.addAll(mavenTextIn(file));
                }
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void theScanSeesMavenAdvice() throws IOException {
        assertTrue(mavenTextIn(SOURCES.resolve("io/github/entitymigrations/migrations/MavenAdvice.java")).size() > 5);
    }

    /** Each string literal (outside comments) of {@code file} that holds Maven-only text, with its line. */
    private static List<String> mavenTextIn(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("*") || line.startsWith("/*") || line.startsWith("//")) {
                continue;
            }
            Matcher literal = LITERAL.matcher(line);
            while (literal.find()) {
                if (MavenOnlyText.in(literal.group(1)).isPresent()) {
                    found.add(file.getFileName() + ":" + (i + 1) + ": " + literal.group());
                }
            }
        }
        return found;
    }
}
