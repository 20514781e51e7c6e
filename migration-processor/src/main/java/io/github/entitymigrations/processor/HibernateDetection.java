package io.github.entitymigrations.processor;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.ProcessingEnvironment;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Which Hibernate the snapshot follows, and why: the {@value #OPTION} option when given; else the
 * {@code hibernate-core} on the compile classpath; else 6.6. The classpath is only read as files, never
 * loaded: the jar holding {@code org/hibernate/Version.class} is found through the {@code Filer} (javac and
 * IDEs that run javac resolve it on the compile classpath), and its manifest's version is read, or its file
 * name's when the manifest says nothing. When that fails although {@code org.hibernate.Version} is visible (a
 * compiler whose {@code Filer} does not read the classpath), it warns, asking for the option, and follows 6.6.
 */
final class HibernateDetection {

    static final String OPTION = "migration.hibernate";

    private static final String VERSION_CLASS = "org/hibernate/Version.class";
    private static final Pattern JAR_NAME = Pattern.compile("hibernate-core-(\\d+\\.\\d+[^/]*)\\.jar");

    /** The version followed and a few words saying why, for the NOTE the processor prints. */
    record Followed(HibernateVersion version, String reason) {
    }

    private HibernateDetection() {
    }

    /** The version to follow; {@code null} after reporting a bad option value. */
    static Followed resolve(ProcessingEnvironment env, TypeLookup lookup, Reporter reporter) {
        String option = env.getOptions().get(OPTION);
        if (option != null) {
            HibernateVersion chosen = HibernateVersion.fromLabel(option);
            if (chosen == null) {
                reporter.error(Message.BAD_HIBERNATE_OPTION.format(option, HibernateVersion.labels()));
                return null;
            }
            return new Followed(chosen, "set by -A" + OPTION + "=" + chosen.label());
        }
        FileObject versionClass = versionClass(env);
        if (versionClass == null && lookup.find("org.hibernate.Version") == null) {
            return new Followed(HibernateVersion.V6_6, "the default: no hibernate-core on the compile classpath");
        }
        // A compiler whose Filer cannot read the classpath (some IDEs) still sees the type: say so.
        String release = versionClass == null ? null : release(versionClass.toUri());
        HibernateVersion detected = release == null ? null : HibernateVersion.ofRelease(release);
        if (detected == null) {
            reporter.warning(Message.HIBERNATE_VERSION_UNREADABLE.format(
                    versionClass == null ? "org.hibernate.Version" : versionClass.toUri(), OPTION));
            return new Followed(HibernateVersion.V6_6, "the default: the version of hibernate-core on the compile "
                    + "classpath could not be read");
        }
        return new Followed(detected, "detected: hibernate-core " + release + " is on the compile classpath");
    }

    /** {@code org/hibernate/Version.class} on the compile classpath, or {@code null}. */
    private static FileObject versionClass(ProcessingEnvironment env) {
        try {
            FileObject file = env.getFiler().getResource(StandardLocation.CLASS_PATH, "", VERSION_CLASS);
            // javac hands out a file object for a missing resource too; only one that opens exists.
            file.openInputStream().close();
            return file;
        } catch (IOException | IllegalArgumentException | UnsupportedOperationException | IllegalStateException e) {
            return null;
        }
    }

    /** The release of the hibernate-core jar at {@code uri} ({@code jar:file:...!/org/hibernate/Version.class}). */
    static String release(URI uri) {
        String text = uri.toString();
        int bang = text.indexOf("!/");
        if (!text.startsWith("jar:") || bang < 0) {
            return null;
        }
        String jarUri = text.substring("jar:".length(), bang);
        try (JarFile jar = new JarFile(Path.of(URI.create(jarUri)).toFile())) {
            var manifest = jar.getManifest();
            if (manifest != null) {
                Attributes main = manifest.getMainAttributes();
                for (String key : new String[] {"Implementation-Version", "Bundle-Version"}) {
                    String value = main.getValue(key);
                    if (value != null && HibernateVersion.ofRelease(value) != null) {
                        return value;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // fall back to the file name
        }
        Matcher name = JAR_NAME.matcher(jarUri);
        return name.find() ? name.group(1) : null;
    }
}
