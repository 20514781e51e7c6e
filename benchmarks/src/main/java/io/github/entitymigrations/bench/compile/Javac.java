package io.github.entitymigrations.bench.compile;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac through {@code javax.tools}, in this JVM, as maven-compiler-plugin runs it: {@code --release 17}, no
 * debug-info changes, warnings off. Fails with javac's errors.
 */
public final class Javac {

    private Javac() {
    }

    /**
     * Compiles {@code sources} into {@code out}.
     *
     * @param processorPath the jars to find processors in (as {@code -processorpath}, in a class loader of
     *                      their own), or {@code null} for {@code -proc:none} (unless {@code processors} is given)
     * @param processors    processor instances to run instead of discovering them, or {@code null}
     */
    public static void compile(List<Path> sources, List<Path> classPath, List<Path> processorPath,
                               List<Processor> processors, Path out) throws IOException {
        Files.createDirectories(out);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("No system Java compiler: run the benchmarks on a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
                    "-d", out.toString(), "-classpath", join(classPath)));
            URLClassLoader loader = null;
            if (processors == null && processorPath == null) {
                options.add("-proc:none");
            } else if (processors == null) {
                // What -processorpath does, but isolated: javac's own loader for it would have this JVM's class
                // path (the harness, with our processor on it) as parent, and find our processor in every run.
                URL[] urls = new URL[processorPath.size()];
                for (int i = 0; i < urls.length; i++) {
                    urls[i] = processorPath.get(i).toUri().toURL();
                }
                loader = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
                processors = new ArrayList<>();
                ServiceLoader.load(Processor.class, loader).forEach(processors::add);
            }
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            if (processors != null) {
                task.setProcessors(processors);
            }
            boolean ok;
            try {
                ok = task.call();
            } finally {
                if (loader != null) {
                    loader.close();
                }
            }
            if (!ok) {
                String errors = diagnostics.getDiagnostics().stream()
                        .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                        .limit(20)
                        .map(d -> d.toString())
                        .collect(Collectors.joining("\n"));
                throw new IllegalStateException("javac failed:\n" + errors);
            }
        }
    }

    private static String join(List<Path> paths) {
        return paths.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    }

    /** The jars in a directory, sorted. */
    public static List<Path> jars(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
