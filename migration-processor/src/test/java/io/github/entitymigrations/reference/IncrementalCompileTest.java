package io.github.entitymigrations.reference;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial recompilation (IDE builds, {@code useIncrementalCompilation=false}) must write the same
 * snapshot bytes as a full one: the types not recompiled are read from their class files, and whatever
 * the processor reads there must equal what it reads in their sources, or a rename hint or a column
 * default vanishes and the next {@code generate} drops and re-adds a column.
 */
class IncrementalCompileTest {

    /**
     * Sources beside the fixtures, by binary class name: what the fixtures cannot carry because Hibernate
     * does not know it, this project's {@code @RenamedFrom} and {@code @ServerDefault}, on an entity, its
     * attributes (property access), a mapped superclass and an embeddable in other files, with values that
     * are constants of yet another class; nested types; an auto-applied converter, which only the
     * processor's index finds when it is not recompiled.
     */
    static final Map<String, String> HINTS = Map.of(
            "incremental.Limits", """
                    package incremental;

                    /** Constants used in annotations: compiled into the annotations' values. */
                    public final class Limits {
                        public static final int HANDLE = 40;
                        public static final String NEW = "'NEW'";
                        public static final String OLD_MAIL = "mail";
                        private Limits() {
                        }
                    }
                    """,
            "incremental.Audited", """
                    package incremental;

                    import io.github.entitymigrations.annotations.RenamedFrom;
                    import io.github.entitymigrations.annotations.ServerDefault;
                    import jakarta.persistence.MappedSuperclass;
                    import java.time.Instant;

                    @MappedSuperclass
                    public abstract class Audited {
                        private Instant createdOn;

                        @RenamedFrom("created")
                        @ServerDefault("current_timestamp")
                        public Instant getCreatedOn() {
                            return createdOn;
                        }

                        public void setCreatedOn(Instant createdOn) {
                            this.createdOn = createdOn;
                        }
                    }
                    """,
            "incremental.Contact", """
                    package incremental;

                    import io.github.entitymigrations.annotations.RenamedFrom;
                    import io.github.entitymigrations.annotations.ServerDefault;
                    import jakarta.persistence.Access;
                    import jakarta.persistence.AccessType;
                    import jakarta.persistence.Column;
                    import jakarta.persistence.Embeddable;

                    /** Field access inside a property-access entity. */
                    @Embeddable
                    @Access(AccessType.FIELD)
                    public class Contact {
                        @RenamedFrom(Limits.OLD_MAIL)
                        @Column(length = Limits.HANDLE)
                        private String email;

                        @ServerDefault(Limits.NEW)
                        private String state;
                    }
                    """,
            "incremental.Member", """
                    package incremental;

                    import io.github.entitymigrations.annotations.RenamedFrom;
                    import io.github.entitymigrations.annotations.ServerDefault;
                    import jakarta.persistence.Access;
                    import jakarta.persistence.AccessType;
                    import jakarta.persistence.Embedded;
                    import jakarta.persistence.Entity;
                    import jakarta.persistence.Id;

                    /** Property access: the hints sit on getters. */
                    @Entity
                    @RenamedFrom("Subscriber")
                    @Access(AccessType.PROPERTY)
                    public class Member extends Audited {
                        private Long id;
                        private String handle;
                        private Contact contact;

                        @Id
                        public Long getId() {
                            return id;
                        }

                        public void setId(Long id) {
                            this.id = id;
                        }

                        @RenamedFrom("nick")
                        @ServerDefault("'anonymous'")
                        public String getHandle() {
                            return handle;
                        }

                        public void setHandle(String handle) {
                            this.handle = handle;
                        }

                        @Embedded
                        public Contact getContact() {
                            return contact;
                        }

                        public void setContact(Contact contact) {
                            this.contact = contact;
                        }
                    }
                    """,
            "incremental.Points", """
                    package incremental;

                    public record Points(int value) {
                    }
                    """,
            "incremental.PointsConverter", """
                    package incremental;

                    import jakarta.persistence.AttributeConverter;
                    import jakarta.persistence.Converter;

                    /** Applied without @Convert: found through the processor's index when not recompiled. */
                    @Converter(autoApply = true)
                    public class PointsConverter implements AttributeConverter<Points, Integer> {
                        public Integer convertToDatabaseColumn(Points points) {
                            return points == null ? null : points.value();
                        }

                        public Points convertToEntityAttribute(Integer value) {
                            return value == null ? null : new Points(value);
                        }
                    }
                    """,
            "incremental.Club", """
                    package incremental;

                    import io.github.entitymigrations.annotations.RenamedFrom;
                    import jakarta.persistence.Entity;
                    import jakarta.persistence.EnumType;
                    import jakarta.persistence.Enumerated;
                    import jakarta.persistence.Id;
                    import jakarta.persistence.ManyToOne;

                    /**
                     * Nested types: an enum (its constants' order is in the check) and an entity; an auto-applied
                     * converter.
                     */
                    @Entity
                    public class Club {
                        public enum Tier { GOLD, SILVER, BRONZE, IRON }

                        @Entity
                        public static class Badge {
                            @Id
                            private Long id;

                            @ManyToOne
                            private Club club;

                            @RenamedFrom("label")
                            private String title;
                        }

                        @Id
                        private Long id;

                        @Enumerated(EnumType.STRING)
                        private Tier tier;

                        private Points points;
                    }
                    """);

    /**
     * The sources recompiled alone, one at a time. Each partial compilation reads every other type from its
     * class file, so each run reads every annotation the fixtures use (all JPA, Hibernate and Bean
     * Validation annotations they map, field and property access, records, constants, generic superclasses)
     * from class files. The list varies the one type read from source instead: an entity, the root and a
     * subclass of a hierarchy, an embeddable, a record embeddable, each level of a mapped-superclass chain,
     * a generic mapped superclass, an id class, an enum, a converter, a property-access entity, a type no
     * entity names, and every source of {@link #HINTS}. Recompiling all ~80 sources one by one adds nothing
     * these do not cover and takes four times as long.
     */
    static final List<String> RECOMPILED_ALONE = List.of(
            "io.github.entitymigrations.fixtures.shop.Customer",
            "io.github.entitymigrations.fixtures.billing.Account",
            "io.github.entitymigrations.fixtures.billing.CheckingAccount",
            "io.github.entitymigrations.fixtures.common.Address",
            "io.github.entitymigrations.fixtures.common.Period",
            "io.github.entitymigrations.fixtures.common.BaseEntity",
            "io.github.entitymigrations.fixtures.common.AuditedEntity",
            "io.github.entitymigrations.fixtures.common.AssignedIdEntity",
            "io.github.entitymigrations.fixtures.shop.StockItemId",
            "io.github.entitymigrations.fixtures.shop.OrderStatus",
            "io.github.entitymigrations.fixtures.common.RatingConverter",
            "io.github.entitymigrations.fixtures.billing.Coupon",
            "io.github.entitymigrations.fixtures.FixtureEntities");

    /**
     * Compiles the fixtures and {@link #HINTS} into a class output, then, each into a fresh copy of that
     * output, recompiles one source alone after touching it: the snapshot must keep every byte.
     */
    @Test
    void recompilingOneSourceAloneWritesTheSameSnapshot(@TempDir Path dir) throws IOException {
        Path sources = dir.resolve("src");
        Map<String, String> all = new TreeMap<>(FixtureCompiler.fixtureSources());
        all.putAll(HINTS);
        Map<String, Path> files = new TreeMap<>();
        all.forEach((name, text) -> files.put(name, write(sources.resolve(name.replace('.', '/') + ".java"), text)));
        Path full = dir.resolve("full");
        ClassOutputCompiler.compile(full, List.copyOf(files.values()), "-Amigration.naming=jpa");
        String expected = ClassOutputCompiler.snapshot(full);
        // What a class file could lose is really in the full build's snapshot, so its loss would show.
        String compact = expected.replaceAll("\\s", "");
        for (String hint : List.of("\"renamedFrom\":\"Subscriber\"", "\"renamedFrom\":\"nick\"",
                "\"renamedFrom\":\"created\"", "\"renamedFrom\":\"mail\"", "\"renamedFrom\":\"label\"",
                "\"defaultValue\":\"current_timestamp\"", "\"defaultValue\":\"'anonymous'\"", "\"defaultValue\":\"'NEW'\"",
                "\"length\":40,\"name\":\"email\"", "[\"GOLD\",\"SILVER\",\"BRONZE\",\"IRON\"]",
                "\"name\":\"points\",\"nullable\":true,\"type\":\"INTEGER\"")) {
            assertTrue(compact.contains(hint), "no " + hint + " in the full build's snapshot:\n" + expected);
        }

        List<String> recompiled = new ArrayList<>(RECOMPILED_ALONE);
        recompiled.addAll(new TreeMap<>(HINTS).keySet());
        List<String> differences = new ArrayList<>();
        for (String name : recompiled) {
            Path file = files.get(name);
            assertTrue(file != null, "no source of " + name + " among the fixtures");
            Path partial = dir.resolve("partial");
            copy(full, partial);
            String text = Files.readString(file, UTF_8);
            Files.writeString(file, text + "\n// touched\n", UTF_8);
            ClassOutputCompiler.compile(partial, List.of(file), "-Amigration.naming=jpa");
            Files.writeString(file, text, UTF_8);
            String actual = ClassOutputCompiler.snapshot(partial);
            if (!actual.equals(expected)) {
                differences.add(name + " recompiled alone: " + firstDifference(expected, actual));
            }
        }
        assertEquals(List.of(), differences, "a partial recompilation changed the snapshot");
    }

    /**
     * Class files compiled by an earlier build (SOURCE retention) lost the hints, and nothing in them says
     * so; the index they were listed in does (it has no {@code hints-kept} line). A partial recompilation
     * over them stops with an error instead of writing a snapshot without the renames; one full
     * recompilation ends it.
     */
    @Test
    void classFilesOfAnEarlierBuildStopAPartialRecompilationUntilAFullOne(@TempDir Path dir) throws IOException {
        List<Path> files = writeSmallModel(dir.resolve("src"), Map.of());
        Path classes = dir.resolve("classes");
        ClassOutputCompiler.compile(classes, files);
        String snapshot = ClassOutputCompiler.snapshot(classes);
        Path index = classes.resolve("META-INF/entity-migrations/entities.idx");
        String text = Files.readString(index, UTF_8);
        assertTrue(text.startsWith("V\thints-kept\n"), "the index should say the class files keep the hints:\n" + text);
        Files.writeString(index, text.substring(text.indexOf('\n') + 1), UTF_8); // as an earlier build wrote it

        ClassOutputCompiler.Result partial = ClassOutputCompiler.tryCompile(classes, List.of(files.get(1)));
        assertEquals(1, partial.errors().size(), "errors: " + partial.errors());
        String error = partial.errors().get(0);
        for (String part : List.of("(incremental.Renamed)", "earlier entity-migrations", "@RenamedFrom",
                "mvn clean compile", "rebuild the project")) {
            assertTrue(error.contains(part), "the error should say " + part + ": " + error);
        }

        ClassOutputCompiler.compile(classes, files);
        assertTrue(Files.readString(index, UTF_8).startsWith("V\thints-kept\n"));
        ClassOutputCompiler.compile(classes, List.of(files.get(1)));
        assertEquals(snapshot, ClassOutputCompiler.snapshot(classes));
    }

    /**
     * A migration-annotations older than the processor (SOURCE retention) loses the hints in every class
     * file: a full build warns, a partial one stops.
     */
    @Test
    void olderAnnotationsWarnInAFullBuildAndStopAPartialOne(@TempDir Path dir) {
        Map<String, String> older = new TreeMap<>();
        for (String name : List.of("RenamedFrom", "ServerDefault")) {
            older.put("io.github.entitymigrations.annotations." + name, """
                    package io.github.entitymigrations.annotations;

                    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.SOURCE)
                    public @interface %s {
                        String value();
                    }
                    """.formatted(name));
        }
        List<Path> files = writeSmallModel(dir.resolve("src"), older);
        Path classes = dir.resolve("classes");
        ClassOutputCompiler.Result full = ClassOutputCompiler.compile(classes, files);
        assertEquals(1, full.warnings().size(), "warnings: " + full.warnings());
        assertTrue(full.warnings().get(0).contains("migration-annotations on the classpath is older than "
                + "migration-processor"), full.warnings().get(0));

        ClassOutputCompiler.Result partial = ClassOutputCompiler.tryCompile(classes, List.of(files.get(1)));
        assertEquals(1, partial.errors().size(), "errors: " + partial.errors());
        String error = partial.errors().get(0);
        for (String part : List.of("(now: incremental.Renamed)", "Use the same version of migration-annotations",
                "mvn clean compile")) {
            assertTrue(error.contains(part), "the error should say " + part + ": " + error);
        }
    }

    /**
     * Every annotation of every package the processor reads annotations from is kept in class files (CLASS
     * or RUNTIME retention), so the fixtures' coverage above holds for the annotations they do not use.
     */
    @Test
    void everyAnnotationTheProcessorCanReadIsKeptInClassFiles() throws Exception {
        List<String> dropped = new ArrayList<>();
        for (String pkg : List.of("jakarta.persistence", "javax.persistence", "org.hibernate.annotations",
                "jakarta.validation", "javax.validation", "jakarta.validation.constraints",
                "javax.validation.constraints", "org.hibernate.validator.constraints",
                "io.github.entitymigrations.annotations")) {
            List<Class<?>> annotations = annotationsIn(pkg);
            assertTrue(annotations.size() > 0, "no annotation found in " + pkg + " on the test classpath");
            for (Class<?> a : annotations) {
                java.lang.annotation.Retention retention = a.getAnnotation(java.lang.annotation.Retention.class);
                // No @Retention means CLASS.
                if (retention != null && retention.value() == java.lang.annotation.RetentionPolicy.SOURCE) {
                    dropped.add(a.getName());
                }
            }
        }
        assertEquals(List.of(), dropped, "annotations the processor reads but class files do not keep");
    }

    /**
     * The index lists every entity compiled, nested ones too, with its source file relative to the class output,
     * from sources in several directories (each directory is made relative once); a later partial recompilation
     * drops an entity whose source is gone, though its class file is still there.
     */
    @Test
    void theIndexNamesEachSourceAndAPartialRecompilationDropsAnEntityWhoseSourceIsGone(@TempDir Path dir)
            throws IOException {
        Path sources = dir.resolve("src");
        List<Path> files = writeSmallModel(sources, Map.of("other.Holder", """
                package other;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                public class Holder {
                    @Entity
                    public static class Inner {
                        @Id
                        private Long id;
                    }
                }
                """));
        Path classes = dir.resolve("out/classes");
        ClassOutputCompiler.compile(classes, files);
        Map<String, Path> listed = new TreeMap<>();
        for (String line : Files.readAllLines(classes.resolve("META-INF/entity-migrations/entities.idx"), UTF_8)) {
            String[] parts = line.split("\t", -1);
            if (parts.length == 3 && parts[0].equals("E")) {
                assertTrue(!parts[2].isEmpty() && !parts[2].contains("\\"), "a source path: " + line);
                listed.put(parts[1], classes.resolve(parts[2]).normalize());
            }
        }
        assertEquals(Map.of("incremental.Renamed", files.get(0).toAbsolutePath().normalize(),
                "incremental.Plain", files.get(1).toAbsolutePath().normalize(),
                "other.Holder.Inner", sources.resolve("other/Holder.java").toAbsolutePath().normalize()), listed);
        assertEquals(List.of("inner", "plain", "renamed"), tableNames(classes));

        Files.delete(files.get(1));
        ClassOutputCompiler.compile(classes, List.of(files.get(0)));
        assertTrue(Files.exists(classes.resolve("incremental/Plain.class")), "the stale class file stays");
        assertEquals(List.of("inner", "renamed"), tableNames(classes), "Plain's source is gone");
    }

    /**
     * The index is UTF-8 whatever the sources' encoding: written through the Filer's {@code Writer}, it took
     * javac's {@code -encoding}, and a source directory whose name that encoding cannot spell (Cyrillic under
     * ISO-8859-1) was written as {@code ?}: the next partial recompilation found no such source, took the entity's
     * source as deleted and left its table out of the snapshot, which the next migration would have dropped.
     */
    @Test
    void theIndexKeepsSourcePathsTheSourceEncodingCannotSpell(@TempDir Path dir) throws IOException {
        buildThenRecompileOneUnderIso88591(dir, "исходники", index -> { });
    }

    /**
     * An index an earlier version wrote (through the Filer's {@code Writer}, in the sources' encoding, here
     * ISO-8859-1 with an {@code é} in a source directory's name) is still read: not UTF-8, so the entity it lists is
     * carried over, not taken as deleted; the index is then written again in UTF-8.
     */
    @Test
    void anIndexAnEarlierVersionWroteInTheSourcesEncodingIsStillRead(@TempDir Path dir) throws IOException {
        buildThenRecompileOneUnderIso88591(dir, "sourcés", index -> {
            try {
                Files.writeString(index, Files.readString(index, UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Builds the small model from a source directory named {@code directory} with {@code -encoding ISO-8859-1}
     * (its index, read as UTF-8, must name that directory), runs {@code betweenBuilds} on the index, then recompiles
     * {@code Renamed} alone: {@code Plain}'s table must still be in the snapshot, and the index name the directory.
     */
    private static void buildThenRecompileOneUnderIso88591(Path dir, String directory,
                                                           java.util.function.Consumer<Path> betweenBuilds)
            throws IOException {
        Path sources = nonAsciiDirectory(dir, directory);
        List<Path> files = writeSmallModel(sources, Map.of());
        Path classes = dir.resolve("out/classes");
        Path index = classes.resolve("META-INF/entity-migrations/entities.idx");
        String plain = directory + "/incremental/Plain.java";
        ClassOutputCompiler.compile(classes, files, "-encoding", "ISO-8859-1");
        String text = Files.readString(index, UTF_8);
        assertTrue(text.contains(plain), "the index, read as UTF-8:\n" + text);
        betweenBuilds.accept(index);

        ClassOutputCompiler.compile(classes, List.of(files.get(0)), "-encoding", "ISO-8859-1");
        assertEquals(List.of("plain", "renamed"), tableNames(classes), "Plain, not recompiled, is still there");
        assertTrue(Files.readString(index, UTF_8).contains(plain), "written again in UTF-8");
    }

    /**
     * {@code dir/name}; aborts the test (reported as skipped) where this JVM cannot name files outside ASCII at all (a
     * JVM started without a UTF-8 locale: {@code sun.jnu.encoding}).
     */
    private static Path nonAsciiDirectory(Path dir, String name) {
        try {
            return dir.resolve(name);
        } catch (java.nio.file.InvalidPathException e) {
            org.junit.jupiter.api.Assumptions.abort("this JVM's file names cannot hold " + name + ": " + e.getMessage());
            throw e;
        }
    }

    /** The snapshot's table names, lower case, sorted. */
    private static List<String> tableNames(Path classes) {
        return io.github.entitymigrations.schema.SchemaJson.read(ClassOutputCompiler.snapshot(classes)).tables().stream()
                .map(t -> t.name().toLowerCase(java.util.Locale.ROOT)).sorted().toList();
    }

    /** Two entities in two files: {@code Renamed} (with the hints) and {@code Plain}, plus {@code more}. */
    private static List<Path> writeSmallModel(Path sources, Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(more);
        all.put("incremental.Renamed", """
                package incremental;

                import io.github.entitymigrations.annotations.RenamedFrom;
                import io.github.entitymigrations.annotations.ServerDefault;
                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Renamed {
                    @Id
                    private Long id;

                    @RenamedFrom("oldName")
                    @ServerDefault("'x'")
                    private String name;
                }
                """);
        all.put("incremental.Plain", """
                package incremental;

                import jakarta.persistence.Entity;
                import jakarta.persistence.Id;

                @Entity
                public class Plain {
                    @Id
                    private Long id;
                }
                """);
        List<Path> files = new ArrayList<>();
        files.add(write(sources.resolve("incremental/Renamed.java"), all.remove("incremental.Renamed")));
        files.add(write(sources.resolve("incremental/Plain.java"), all.remove("incremental.Plain")));
        all.forEach((name, text) -> files.add(write(sources.resolve(name.replace('.', '/') + ".java"), text)));
        return files;
    }

    /** The annotation types directly in {@code pkg}, in a directory or a jar of the test classpath. */
    private static List<Class<?>> annotationsIn(String pkg) throws Exception {
        ClassLoader loader = IncrementalCompileTest.class.getClassLoader();
        String folder = pkg.replace('.', '/');
        List<String> names = new ArrayList<>();
        for (java.net.URL url : java.util.Collections.list(loader.getResources(folder))) {
            if (url.getProtocol().equals("jar")) {
                java.net.JarURLConnection connection = (java.net.JarURLConnection) url.openConnection();
                connection.setUseCaches(false); // closing a shared, cached jar would break later reads of it
                try (java.util.jar.JarFile jar = connection.getJarFile()) {
                    jar.stream().map(java.util.jar.JarEntry::getName)
                            .filter(n -> n.startsWith(folder + "/") && n.endsWith(".class")
                                    && n.indexOf('/', folder.length() + 1) < 0)
                            .forEach(n -> names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.')));
                }
            } else {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".class"))
                            .forEach(n -> names.add(pkg + "." + n.substring(0, n.length() - ".class".length())));
                }
            }
        }
        List<Class<?>> result = new ArrayList<>();
        for (String name : names) {
            Class<?> type = Class.forName(name, false, loader);
            if (type.isAnnotation()) {
                result.add(type);
            }
        }
        return result;
    }

    private static String firstDifference(String expected, String actual) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String el = i < e.length ? e[i] : "<end>";
            String al = i < a.length ? a[i] : "<end>";
            if (!el.equals(al)) {
                return "line " + (i + 1) + ": expected " + el.strip() + " but was " + al.strip();
            }
        }
        return "same lines, other bytes";
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code target} with a copy of {@code source}, keeping file times (javac compares them). */
    private static void copy(Path source, Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path p : tree.toList()) {
                Files.copy(p, target.resolve(source.relativize(p).toString()),
                        java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
