package io.github.entitymigrations.migrations;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The migration files at one path of the class path, found through a class loader in every root that has it:
 * a directory ({@code file:}), a jar ({@code jar:file:...!/db/migrations}) or a jar inside a jar, as a Spring
 * Boot executable jar has them ({@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/migrations}, served by Boot's
 * own {@code jar:} handler). A jar's files are read while it is listed, so no jar stays open.
 */
final class ClasspathSource implements MigrationSource {

    static final String PREFIX = "classpath:";

    private final String location;
    private final ClassLoader loader;

    ClasspathSource(String location, ClassLoader loader) {
        String l = location.strip().replace('\\', '/');
        while (l.startsWith("/")) {
            l = l.substring(1);
        }
        while (l.endsWith("/")) {
            l = l.substring(0, l.length() - 1);
        }
        this.location = l;
        this.loader = loader != null ? loader : ClasspathSource.class.getClassLoader();
    }

    @Override
    public String describe() {
        return PREFIX + location;
    }

    @Override
    public List<Resource> resources() {
        Map<String, List<Resource>> byName = new LinkedHashMap<>();
        for (URL root : roots()) {
            for (Resource r : list(root)) {
                byName.computeIfAbsent(r.name(), n -> new ArrayList<>()).add(r);
            }
        }
        List<String> twice = byName.values().stream().filter(same -> same.size() > 1)
                .map(same -> same.get(0).name() + " is at " + String.join(" and at ", same.stream()
                        .map(Resource::origin).toList())).toList();
        if (!twice.isEmpty()) {
            throw new MigrationException("Migration files of " + describe() + " are in several class-path roots "
                    + "under one name:\n  - " + String.join("\n  - ", twice) + "\nKeep each migration in one place "
                    + "(is a jar of an older build, or a copy of the migrations, on the class path?)");
        }
        return byName.values().stream().map(same -> same.get(0)).toList();
    }

    /** Every class-path root's URL of the location, each once. */
    private Set<URL> roots() {
        Set<String> seen = new LinkedHashSet<>();
        Set<URL> roots = new LinkedHashSet<>();
        try {
            Enumeration<URL> found = location.isEmpty() ? Collections.emptyEnumeration() : loader.getResources(location);
            while (found.hasMoreElements()) {
                URL url = found.nextElement();
                if (seen.add(url.toExternalForm())) {
                    roots.add(url);
                }
            }
        } catch (IOException e) {
            throw new MigrationException("Cannot look for " + describe() + " through " + loader + ": " + e.getMessage(),
                    e);
        }
        if (roots.isEmpty()) {
            throw new MigrationException("No migrations at " + describe() + ": no directory or jar on the class path "
                    + "of " + loader + " has " + (location.isEmpty() ? "the path (it is empty)" : "\"" + location + "/\"")
                    + ". Put the migration files under src/main/resources/" + (location.isEmpty() ? "db/migrations"
                    : location) + " (or pass the class loader that sees them), or name another location");
        }
        return roots;
    }

    private List<Resource> list(URL root) {
        try {
            if (root.getProtocol().equals("file")) {
                return listDirectory(Path.of(root.toURI()));
            }
            URLConnection connection = root.openConnection();
            if (connection instanceof JarURLConnection jar) {
                return listJar(jar, root);
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            throw new MigrationException("Cannot list the migrations at " + root + " (" + describe() + "): "
                    + e.getMessage(), e);
        }
        throw new MigrationException("Cannot list the migrations at " + root + " (" + describe() + "): neither a "
                + "directory nor a jar. Give the files through a MigrationSource of your own (e.g. from your "
                + "framework's resource loader)");
    }

    private static List<Resource> listDirectory(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of(); // a file named like the location: not a place for migrations
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> !Files.isDirectory(p)).map(p -> new Resource(p.getFileName().toString(),
                    p.toUri().toString(), null, () -> Files.newInputStream(p))).toList();
        }
    }

    private static List<Resource> listJar(JarURLConnection connection, URL root) throws IOException {
        JarFile jar = connection.getJarFile();
        try {
            String entry = connection.getEntryName();
            String prefix = entry == null || entry.isEmpty() ? "" : entry.endsWith("/") ? entry : entry + "/";
            String base = root.toExternalForm().endsWith("/") ? root.toExternalForm() : root.toExternalForm() + "/";
            List<Resource> resources = new ArrayList<>();
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (e.isDirectory() || !name.startsWith(prefix) || name.indexOf('/', prefix.length()) >= 0) {
                    continue;
                }
                String file = name.substring(prefix.length());
                byte[] bytes = read(jar, e);
                resources.add(new Resource(file, base + file, null, () -> new ByteArrayInputStream(bytes)));
            }
            return resources;
        } finally {
            if (!connection.getUseCaches()) {
                jar.close(); // a cached jar is shared with the class loader: closing it would break class loading
            }
        }
    }

    /** At most one byte more than a migration may have, which is enough to refuse it. */
    private static byte[] read(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            return in.readNBytes((int) MigrationJson.MAX_FILE_BYTES + 1);
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
