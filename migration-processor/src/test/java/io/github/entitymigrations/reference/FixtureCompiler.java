package io.github.entitymigrations.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Runs the processor over the fixture sources with compile-testing and returns the snapshot it writes. */
final class FixtureCompiler {

    /**
     * migration-processor's test sources: surefire runs in the module directory, and the hibernate-reference
     * modules, which compile these same sources against other Hibernate versions, name the directory.
     */
    private static final Path SOURCE_ROOT = Path.of(System.getProperty("entitymigrations.testSources",
            Path.of("src", "test", "java").toString()));
    /** The fixture sources. */
    static final Path FIXTURES = SOURCE_ROOT.resolve(Path.of("io", "github", "entitymigrations", "fixtures"));
    /** Where the fixtures of {@code FixtureEntities.KEYWORD_NAMED} live, compiled only when asked for. */
    private static final String KEYWORD_NAMED_PACKAGE = "io.github.entitymigrations.fixtures.keywords.";

    private FixtureCompiler() {
    }

    /** Every fixture source file, by binary class name, in a stable order. */
    static Map<String, String> fixtureSources() {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted()
                    .collect(Collectors.toMap(FixtureCompiler::className, FixtureCompiler::read,
                            (a, b) -> a, java.util.TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the fixtures in " + FIXTURES.toAbsolutePath(), e);
        }
    }

    /**
     * Compiles the (possibly rewritten) fixture sources of {@code FixtureEntities.ALL} with the processor; fails on
     * any error.
     */
    static String snapshot(String naming, UnaryOperator<String> rewrite, String... moreOptions) {
        return snapshot(false, naming, rewrite, moreOptions);
    }

    /** As {@link #snapshot(String, UnaryOperator, String...)}, with the keyword-named fixtures too. */
    static String snapshotWithKeywordNamed(String naming, String... moreOptions) {
        return snapshot(true, naming, UnaryOperator.identity(), moreOptions);
    }

    private static String snapshot(boolean keywordNamed, String naming, UnaryOperator<String> rewrite,
                                   String... moreOptions) {
        List<String> options = new ArrayList<>(List.of("-Amigration.naming=" + naming));
        options.addAll(List.of(moreOptions));
        List<JavaFileObject> sources = new ArrayList<>();
        fixtureSources().forEach((name, text) -> {
            if (keywordNamed || !name.startsWith(KEYWORD_NAMED_PACKAGE)) {
                sources.add(JavaFileObjects.forSourceString(name, rewrite.apply(text)));
            }
        });
        Compilation compilation = Compiler.javac()
                .withProcessors(new EntityMigrationsProcessor())
                .withOptions(options)
                .compile(sources);
        String errors = compilation.diagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(null))
                .collect(Collectors.joining("\n"));
        if (compilation.status() != Compilation.Status.SUCCESS || !errors.isEmpty()) {
            throw new AssertionError("the fixtures did not compile with the processor " + options + ":\n" + errors);
        }
        JavaFileObject file = compilation
                .generatedFile(StandardLocation.CLASS_OUTPUT, EntityMigrationsProcessor.SNAPSHOT)
                .orElseThrow(() -> new AssertionError("the processor wrote no " + EntityMigrationsProcessor.SNAPSHOT));
        try {
            return file.getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String className(Path file) {
        String relative = SOURCE_ROOT.relativize(file).toString();
        return relative.substring(0, relative.length() - ".java".length()).replace(file.getFileSystem().getSeparator(), ".");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
