package io.github.entitymigrations.reference;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles source files into a class output directory on disk, with that directory first on the
 * classpath, as Maven and IDEs do: a later compilation of some of the sources then reads every other
 * type from its class file, which compile-testing's in-memory compilations never do.
 */
final class ClassOutputCompiler {

    /**
     * The test classpath without the test classes: the fixtures compiled by Maven must not stand in
     * for the class files a test compiles itself.
     */
    private static final String DEPENDENCIES = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
            .collect(Collectors.joining(File.pathSeparator));

    private ClassOutputCompiler() {
    }

    /** What a compilation reported. */
    record Result(boolean success, List<String> errors, List<String> warnings) {
    }

    /**
     * Compiles {@code sources} with the processor into {@code classes}; fails on any error. No source
     * path is given, so every type not among {@code sources} comes from a class file in {@code classes}.
     */
    static Result compile(Path classes, List<Path> sources, String... options) {
        Result result = tryCompile(classes, sources, options);
        if (!result.success() || !result.errors().isEmpty()) {
            throw new AssertionError("compiling " + sources + " with the processor failed:\n"
                    + String.join("\n", result.errors()));
        }
        return result;
    }

    /** As {@link #compile}, returning the errors instead of failing on them. */
    static Result tryCompile(Path classes, List<Path> sources, String... options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, UTF_8)) {
            Files.createDirectories(classes);
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(),
                    "-classpath", classes + File.pathSeparator + DEPENDENCIES, "-sourcepath", "",
                    "-encoding", "UTF-8"));
            arguments.addAll(List.of(options));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, arguments, null,
                    files.getJavaFileObjectsFromPaths(sources));
            task.setProcessors(List.of(new EntityMigrationsProcessor()));
            boolean success = task.call();
            return new Result(success, messages(diagnostics, Diagnostic.Kind.ERROR),
                    messages(diagnostics, Diagnostic.Kind.MANDATORY_WARNING));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> messages(DiagnosticCollector<JavaFileObject> diagnostics, Diagnostic.Kind kind) {
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == kind)
                .map(d -> (d.getSource() == null ? "" : d.getSource().getName() + ":" + d.getLineNumber() + ": ")
                        + d.getMessage(null))
                .toList();
    }

    /** The snapshot the processor wrote into {@code classes}, exactly as written. */
    static String snapshot(Path classes) {
        Path file = classes.resolve(EntityMigrationsProcessor.SNAPSHOT);
        try {
            return Files.readString(file, UTF_8);
        } catch (IOException e) {
            throw new AssertionError("the processor wrote no " + file, e);
        }
    }
}
