package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.check;
import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.hibernate.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which Hibernate the processor follows: detected from the hibernate-core on the compile classpath (read as
 * a file, never loaded), set by {@code -Amigration.hibernate}, or 6.6 by default; said in a NOTE and recorded
 * in the snapshot. What each version changes is proven by the reference runs (HibernateReferenceTest here on
 * 6.6, and in the hibernate-reference modules on 7.2 and 7.4).
 */
class HibernateVersionTest {

    private static final JavaFileObject[] FLEET = {
        source("Vehicle", "@Entity @Inheritance(strategy = InheritanceType.SINGLE_TABLE)",
                "public abstract class Vehicle { @Id Long id; @Version Long version;",
                "  @ElementCollection Set<String> tags; @ElementCollection @OrderColumn List<String> stops; }"),
        source("Car", "@Entity public class Car extends Vehicle { int seats; }"),
        source("Truck", "@Entity public class Truck extends Vehicle { LocalTime leavesAt; }")};

    @Test
    void detectsTheHibernateCoreOnTheCompileClasspath() {
        // This module's tests compile against hibernate-core 6.6.
        Compilation c = compile(classpath(true), List.of());
        assertEquals("6.6", snapshot(c).hibernate());
        assertNote(c, "entity-migrations: the snapshot follows Hibernate 6.6 (detected: hibernate-core "
                + Version.getVersionString() + " is on the compile classpath)");
    }

    @Test
    void withoutHibernateCoreItFollows66() {
        Compilation c = compile(classpath(false), List.of());
        assertEquals("6.6", snapshot(c).hibernate());
        assertNote(c, "entity-migrations: the snapshot follows Hibernate 6.6 (the default: no hibernate-core on "
                + "the compile classpath)");
    }

    @Test
    void theOptionWinsOverTheClasspath() {
        Compilation c = compile(classpath(true), List.of("-Amigration.hibernate=7.4"));
        Schema schema = snapshot(c);
        assertEquals("7.4", schema.hibernate());
        assertNote(c, "entity-migrations: the snapshot follows Hibernate 7.4 (set by -Amigration.hibernate=7.4)");
        // 7.4's additions, each proven against Hibernate 7.4 by the reference run.
        assertEquals("DTYPE", check(table(schema, "Vehicle"), "DTYPE").column());
        // an expression as Hibernate writes it, not allowed values (a STRING enum's, native enums on MariaDB/MySQL)
        assertNull(check(table(schema, "Vehicle"), "DTYPE").values());
        assertEquals("DTYPE in ('Car','Truck')", check(table(schema, "Vehicle"), "DTYPE").expression());
        assertFalse(column(table(schema, "Vehicle"), "version").nullable());
        assertEquals("stops_ORDER>=0", check(table(schema, "Vehicle_stops"), "stops_ORDER").expression());
        assertEquals(List.of(List.of("Vehicle_id", "tags")), SnapshotCompiler.uniqueColumns(table(schema, "Vehicle_tags")));
        assertEquals(0, column(table(schema, "Vehicle"), "leavesAt").type().precision());
    }

    @Test
    void hibernate66HasNoneOfHibernate7sAdditions() {
        Schema schema = snapshot(compile(classpath(true), List.of("-Amigration.hibernate=6.6")));
        assertTrue(table(schema, "Vehicle").checks().isEmpty());
        assertTrue(table(schema, "Vehicle_stops").checks().isEmpty());
        assertTrue(table(schema, "Vehicle_tags").uniques().isEmpty());
        assertTrue(column(table(schema, "Vehicle"), "version").nullable());
        assertNull(column(table(schema, "Vehicle"), "leavesAt").type().precision());
    }

    @Test
    void hibernate72HasTheDiscriminatorChecksOnly() {
        Schema schema = snapshot(compile(classpath(true), List.of("-Amigration.hibernate=7.2")));
        assertEquals(2, table(schema, "Vehicle").checks().size(), () -> "" + table(schema, "Vehicle").checks());
        assertTrue(table(schema, "Vehicle_stops").checks().isEmpty());
        assertTrue(table(schema, "Vehicle_tags").uniques().isEmpty());
        assertTrue(column(table(schema, "Vehicle"), "version").nullable());
    }

    @Test
    void aBadOptionValueIsAnErrorListingTheValidOnes() {
        Compilation c = compile(classpath(true), List.of("-Amigration.hibernate=7.3"));
        List<String> errors = c.errors().stream().map(d -> d.getMessage(null)).toList();
        assertEquals(List.of("Unknown -Amigration.hibernate=7.3: use one of 6.6, 7.2, 7.4 (the Hibernate version "
                + "whose schema the snapshot follows; 7.0 and 7.1 behave as 7.2, 7.3 and later as 7.4), or leave it "
                + "out to follow the hibernate-core on the compile classpath"), errors);
        assertEquals(Compilation.Status.FAILURE, c.status(), "the build fails; no snapshot is written");
    }

    @Test
    void anUnreadableVersionWarnsAndFollows66(@TempDir Path dir) throws IOException {
        Manifest bare = new Manifest();
        bare.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        List<File> classpath = new java.util.ArrayList<>(classpath(false));
        classpath.add(jar(dir.resolve("patched-core.jar"), bare).toFile());
        Compilation c = compile(classpath, List.of());
        assertEquals("6.6", snapshot(c).hibernate());
        List<String> warnings = c.warnings().stream().map(d -> d.getMessage(null)).toList();
        assertEquals(1, warnings.size(), () -> "" + warnings);
        assertTrue(warnings.get(0).startsWith("hibernate-core is on the compile classpath (jar:"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith("patched-core.jar!/org/hibernate/Version.class) but its version could "
                + "not be read, so the snapshot follows Hibernate 6.6: set -Amigration.hibernate=6.6, 7.2 or 7.4 to "
                + "say which Hibernate your application runs"), warnings.get(0));
    }

    @Test
    void releasesMapToTheNearestFollowedVersion() {
        assertEquals(HibernateVersion.V6_6, HibernateVersion.ofRelease("6.6.49.Final"));
        assertEquals(HibernateVersion.V6_6, HibernateVersion.ofRelease("6.2.0.Final"));
        assertEquals(HibernateVersion.V7_2, HibernateVersion.ofRelease("7.0.0.Final"));
        assertEquals(HibernateVersion.V7_2, HibernateVersion.ofRelease("7.1.10.Final"));
        assertEquals(HibernateVersion.V7_2, HibernateVersion.ofRelease("7.2.19.Final"));
        assertEquals(HibernateVersion.V7_4, HibernateVersion.ofRelease("7.3.13.Final"));
        assertEquals(HibernateVersion.V7_4, HibernateVersion.ofRelease("7.4.13.Final"));
        assertEquals(HibernateVersion.V7_4, HibernateVersion.ofRelease("8.0.0.Beta1"));
        assertNull(HibernateVersion.ofRelease("[WORKING]"));
    }

    @Test
    void readsTheManifestElseTheJarName(@TempDir Path dir) throws IOException {
        Manifest withVersion = new Manifest();
        withVersion.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        withVersion.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "7.2.19.Final");
        Path renamed = jar(dir.resolve("core.jar"), withVersion);
        assertEquals("7.2.19.Final", HibernateDetection.release(versionClassIn(renamed)));

        Manifest bare = new Manifest();
        bare.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Path named = jar(dir.resolve("hibernate-core-7.4.13.Final.jar"), bare);
        assertEquals("7.4.13.Final", HibernateDetection.release(versionClassIn(named)));

        assertNull(HibernateDetection.release(versionClassIn(jar(dir.resolve("other.jar"), bare))));
        assertNull(HibernateDetection.release(dir.resolve("org/hibernate/Version.class").toUri()), "not in a jar");
    }

    private static URI versionClassIn(Path jar) {
        return URI.create("jar:" + jar.toUri() + "!/org/hibernate/Version.class");
    }

    private static Path jar(Path file, Manifest manifest) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new ZipEntry("org/hibernate/Version.class"));
            jar.closeEntry();
        }
        return file;
    }

    /** The test classpath, with or without hibernate-core. */
    private static List<File> classpath(boolean withHibernate) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> withHibernate || !new File(entry).getName().startsWith("hibernate-core"))
                .map(File::new).toList();
    }

    private static Compilation compile(List<File> classpath, List<String> options) {
        return Compiler.javac().withProcessors(new EntityMigrationsProcessor()).withClasspath(classpath)
                .withOptions(options).compile(FLEET);
    }

    private static Schema snapshot(Compilation c) {
        assertEquals(Compilation.Status.SUCCESS, c.status(), () -> "" + c.errors());
        try {
            return SchemaJson.read(c.generatedFile(StandardLocation.CLASS_OUTPUT, EntityMigrationsProcessor.SNAPSHOT)
                    .orElseThrow().getCharContent(true).toString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNote(Compilation c, String expected) {
        List<String> notes = c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(null)).filter(m -> m.startsWith("entity-migrations:")).toList();
        assertEquals(List.of(expected), notes);
    }
}
