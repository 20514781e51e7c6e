package io.github.entitymigrations.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With Spring Boot's naming strategies on the compile classpath (Boot 3.x's {@code spring-boot}, Boot 4.x's
 * {@code spring-boot-hibernate}), the naming defaults to {@code spring} and a NOTE says so; an explicit
 * {@code -Amigration.naming} wins and silences the note; without Spring Boot the default stays {@code jpa}.
 * The jars are copied to {@code target/spring-boot-jars} by the build, outside the test classpath.
 */
class SpringNamingDetectionTest {

    private static final Path JARS = Path.of("target", "spring-boot-jars");
    private static final JavaFileObject ENTITY = SnapshotCompiler.source("Invoice",
            "@Entity public class Invoice {",
            "  @Id private Long id;",
            "  private java.time.Instant createdAt;",
            "}");

    @ParameterizedTest
    @ValueSource(strings = {"spring-boot-3.5.7.jar", "spring-boot-hibernate-4.0.7.jar"})
    void springBootOnTheClasspathMeansSpringNaming(String jar) {
        Compilation compilation = compile(jar, List.of());
        Schema schema = snapshot(compilation);
        assertEquals("spring", schema.naming().json());
        assertTrue(schema.tables().get(0).column("created_at") != null, "createdAt was not snake-cased");
        assertThat(compilation).hadNoteContaining("Spring Boot's naming strategies are on the classpath");
        assertThat(compilation).hadNoteContaining("pass -Amigration.naming=jpa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"spring-boot-3.5.7.jar", "spring-boot-hibernate-4.0.7.jar"})
    void anExplicitNamingWinsWithoutANote(String jar) {
        for (String naming : List.of("jpa", "spring")) {
            Compilation compilation = compile(jar, List.of("-Amigration.naming=" + naming));
            assertEquals(naming, snapshot(compilation).naming().json());
            assertEquals(List.of(), notesAboutNaming(compilation), "-Amigration.naming=" + naming);
        }
    }

    @Test
    void withoutSpringBootTheNamingIsJpa() {
        Compilation compilation = compile(null, List.of());
        Schema schema = snapshot(compilation);
        assertEquals("jpa", schema.naming().json());
        assertTrue(schema.tables().get(0).column("createdAt") != null);
        assertEquals(List.of(), notesAboutNaming(compilation));
    }

    /**
     * A modular build (module-info.java; jakarta.persistence and Spring Boot on the module path), compiled from files
     * as a build does: the processor's lookups by name then ask every module, not only the unnamed one, so Spring's
     * naming is still detected.
     */
    @ParameterizedTest
    @ValueSource(strings = {"spring-boot-3.5.7.jar", "spring-boot-hibernate-4.0.7.jar"})
    void aModularBuildFindsSpringBootOnTheModulePath(String jar, @org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        String springModule = jar.startsWith("spring-boot-hibernate") ? "spring.boot.hibernate" : "spring.boot";
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("shop"));
        Files.writeString(src.resolve("module-info.java"), "module shop {\n  requires jakarta.persistence;\n  requires "
                + springModule + ";\n  opens shop;\n}\n");
        Files.writeString(src.resolve("shop/Invoice.java"), String.join("\n", "package shop;",
                "import jakarta.persistence.*;",
                "@Entity public class Invoice {",
                "  @Id private Long id;",
                "  private java.time.Instant createdAt;",
                "}", ""));
        String persistence = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> Path.of(e).getFileName().toString().startsWith("jakarta.persistence-api"))
                .findFirst().orElseThrow(() -> new AssertionError("jakarta.persistence-api is not on the classpath"));
        Path spring = JARS.resolve(jar);
        assertTrue(Files.isRegularFile(spring), spring + " is missing: run the build (mvn test), which copies it");
        Path out = Files.createDirectories(dir.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<JavaFileObject> diagnostics = new javax.tools.DiagnosticCollector<>();
        try (javax.tools.StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            javax.tools.JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
                    List.of("-d", out.toString(), "--module-path", persistence + File.pathSeparator + spring),
                    null, files.getJavaFileObjects(src.resolve("module-info.java"), src.resolve("shop/Invoice.java")));
            task.setProcessors(List.of(new EntityMigrationsProcessor()));
            assertTrue(task.call(), "the module does not compile: " + diagnostics.getDiagnostics());
        }
        Schema schema = SchemaJson.read(Files.readString(out.resolve(EntityMigrationsProcessor.SNAPSHOT)));
        assertEquals("spring", schema.naming().json());
        assertTrue(schema.tables().get(0).column("created_at") != null, "createdAt was not snake-cased");
    }

    /** Compiles {@link #ENTITY} on the test classpath plus {@code jar} (when not {@code null}). */
    private static Compilation compile(String jar, List<String> options) {
        List<File> classpath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classpath.add(new File(entry));
        }
        if (jar != null) {
            Path file = JARS.resolve(jar);
            assertTrue(Files.isRegularFile(file), file + " is missing: run the build (mvn test), which copies it");
            classpath.add(file.toFile());
        }
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor())
                .withOptions(options).withClasspath(classpath).compile(ENTITY);
        assertThat(compilation).succeeded();
        return compilation;
    }

    private static Schema snapshot(Compilation compilation) {
        JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityMigrationsProcessor.SNAPSHOT)
                .orElseThrow(() -> new AssertionError("no snapshot written"));
        try {
            return SchemaJson.read(file.getCharContent(true).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> notesAboutNaming(Compilation compilation) {
        return compilation.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.NOTE)
                .map(d -> d.getMessage(null)).filter(m -> m.contains("naming")).collect(Collectors.toList());
    }
}
