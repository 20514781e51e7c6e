package io.github.entitymigrations.spring;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationSource;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The migration files at a Spring location ({@code classpath:db/migrations}, {@code file:migrations}), listed
 * with Spring's {@link ResourcePatternResolver}: it reads every class-path root, including the jars nested in
 * a Spring Boot executable jar, the way the rest of the application's resources are read.
 */
final class SpringResourceSource implements MigrationSource {

    private final String location;
    private final String pattern;
    private final ResourcePatternResolver resolver;

    /**
     * @param location {@code classpath:path}, {@code classpath*:path}, {@code file:dir} or {@code filesystem:dir}
     *                 (Flyway's spelling); a path without prefix is on the class path, as Spring reads it
     */
    SpringResourceSource(String location, ResourcePatternResolver resolver) {
        this.location = trimSlashes(location.strip());
        this.pattern = patternOf(this.location);
        this.resolver = resolver;
    }

    private static String trimSlashes(String l) {
        String s = l.replace('\\', '/');
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /** Every class-path root's copy of the folder ({@code classpath*:}), or the directory itself. */
    private static String patternOf(String location) {
        if (location.startsWith("filesystem:")) {
            return "file:" + location.substring("filesystem:".length());
        }
        if (location.startsWith("classpath:")) {
            return "classpath*:" + location.substring("classpath:".length());
        }
        if (location.startsWith("classpath*:") || location.startsWith("file:")) {
            return location;
        }
        return "classpath*:" + location;
    }

    @Override
    public String describe() {
        return location;
    }

    @Override
    public List<MigrationSource.Resource> resources() {
        Map<String, List<MigrationSource.Resource>> byName = new LinkedHashMap<>();
        for (org.springframework.core.io.Resource r : find(pattern + "/*")) {
            MigrationSource.Resource file = file(r);
            if (file != null) {
                byName.computeIfAbsent(file.name(), n -> new ArrayList<>()).add(file);
            }
        }
        if (byName.isEmpty() && find(pattern).stream().noneMatch(org.springframework.core.io.Resource::exists)) {
            throw new MigrationException("No migrations at " + location + ": no folder of that name on the class "
                    + "path or disk. Put the migration files under src/main/resources/db/migrations, or set "
                    + "entity-migrations.location");
        }
        List<String> twice = byName.values().stream().filter(same -> same.size() > 1)
                .map(same -> same.get(0).name() + " is at " + String.join(" and at ",
                        same.stream().map(MigrationSource.Resource::origin).toList())).toList();
        if (!twice.isEmpty()) {
            throw new MigrationException("Migration files of " + location + " are in several class-path roots under "
                    + "one name:\n  - " + String.join("\n  - ", twice) + "\nKeep each migration in one place (is a "
                    + "jar of an older build, or a copy of the migrations, on the class path?)");
        }
        return byName.values().stream().map(same -> same.get(0)).toList();
    }

    private List<org.springframework.core.io.Resource> find(String locationPattern) {
        try {
            return List.of(resolver.getResources(locationPattern));
        } catch (IOException e) {
            throw new MigrationException("Cannot list the migrations at " + location + ": " + e.getMessage(), e);
        }
    }

    /** A readable file, or null for a folder (a pattern's match may be one). */
    private static MigrationSource.Resource file(org.springframework.core.io.Resource r) {
        String name = r.getFilename();
        if (name == null || name.isEmpty() || !r.isReadable() || isDirectory(r)) {
            return null;
        }
        return new MigrationSource.Resource(name, origin(r), onDisk(r), r::getInputStream);
    }

    private static String origin(org.springframework.core.io.Resource r) {
        try {
            return r.getURL().toString();
        } catch (IOException e) {
            return r.getDescription();
        }
    }

    private static boolean isDirectory(org.springframework.core.io.Resource r) {
        try {
            return r.isFile() && r.getFile().isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    private static Path onDisk(org.springframework.core.io.Resource r) {
        try {
            File f = r.isFile() ? r.getFile() : null;
            return f == null ? null : f.toPath();
        } catch (IOException e) {
            return null;
        }
    }
}
