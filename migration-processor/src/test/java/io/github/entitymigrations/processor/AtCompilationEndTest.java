package io.github.entitymigrations.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's JSON is made on a thread of its own while javac compiles on, and written when javac's compilation
 * ends; where javac cannot say when that is, at once as before. Both give the same bytes, and a failure of the
 * work on the other thread fails the compilation with a diagnostic.
 */
class AtCompilationEndTest {

    private static final JavaFileObject[] SOURCES = {
            SnapshotCompiler.source("Author", "@Entity public class Author {", "  @Id @GeneratedValue Long id;",
                    "  @Column(nullable = false, length = 80) String name;",
                    "  @OneToMany(mappedBy = \"author\") List<Book> books;", "}"),
            SnapshotCompiler.source("Book", "@Entity @Table(indexes = @Index(columnList = \"title\"))",
                    "public class Book {", "  @Id @GeneratedValue Long id;", "  String title;",
                    "  @ManyToOne(optional = false) Author author;", "  @Enumerated(EnumType.STRING) Kind kind;",
                    "  enum Kind { NOVEL, POEM }", "}")};

    @Test
    void theSnapshotIsTheSameWhetherMadeBesideJavacOrAtOnceInAWrappedEnvironment() {
        Compilation beside = compile(new EntityMigrationsProcessor());
        Compilation atOnce = compile(new WrappedEnvironment(new EntityMigrationsProcessor()));
        String besideJson = snapshot(beside);
        assertTrue(besideJson.contains("\"author_id\""), besideJson);
        assertEquals(besideJson, snapshot(atOnce));
    }

    @Test
    void javacsStagedApiWhichFiresNoCompilationEventGetsTheSnapshotAtOnce() throws IOException {
        Path out = Files.createTempDirectory("staged");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-d", out.toString(), "-classpath",
                    System.getProperty("java.class.path")), null, List.of(SOURCES));
            task.setProcessors(List.of(new EntityMigrationsProcessor()));
            // Processing runs as analyze() enters the sources, outside JavaCompiler.compile: no COMPILATION event.
            task.analyze();
            Path snapshot = out.resolve(EntityMigrationsProcessor.SNAPSHOT);
            assertTrue(Files.exists(snapshot), "written during processing, as nothing would write it later");
            assertEquals(snapshot(compile(new EntityMigrationsProcessor())), Files.readString(snapshot));
        }
    }

    @Test
    void theWorkRunsOnAThreadOfItsOwnAndItsResultReachesJavacsThreadBeforeTheCompilerReturns() {
        AtomicReference<String> workThread = new AtomicReference<>();
        AtomicReference<Thread> resultThread = new AtomicReference<>();
        List<String> results = new ArrayList<>();
        Compilation compilation = compile(new OneJob(env -> AtCompilationEnd.run(env, () -> {
            workThread.set(Thread.currentThread().getName());
            return "made";
        }, result -> {
            resultThread.set(Thread.currentThread());
            results.add(result);
        }, e -> {
            throw new AssertionError(e);
        })));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        assertEquals(List.of("made"), results, "handed over once, before javac returned");
        assertEquals(AtCompilationEnd.THREAD, workThread.get());
        assertEquals(Thread.currentThread(), resultThread.get(), "javac compiles on the test's thread");
        assertNotEquals(workThread.get(), resultThread.get().getName());
    }

    @Test
    void aFailureOfTheWorkFailsTheCompilationWithItsMessage() {
        Compilation compilation = compile(new OneJob(env -> AtCompilationEnd.run(env, () -> {
            throw new IllegalStateException("no room for the snapshot");
        }, result -> {
            throw new AssertionError("no result expected: " + result);
        }, e -> env.getMessager().printMessage(Diagnostic.Kind.ERROR, "failed: " + e.getMessage()))));
        assertEquals(Compilation.Status.FAILURE, compilation.status());
        assertTrue(compilation.errors().stream().anyMatch(d -> d.getMessage(null)
                .equals("failed: no room for the snapshot")), compilation.errors().toString());
    }

    @Test
    void aWrappedEnvironmentStartsNothing() {
        AtomicReference<Boolean> started = new AtomicReference<>();
        List<String> ran = new ArrayList<>();
        Compilation compilation = compile(new WrappedEnvironment(new OneJob(env -> started.set(
                AtCompilationEnd.run(env, () -> ran.add("work"), r -> ran.add("result"), e -> ran.add("failed"))))));
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        assertEquals(Boolean.FALSE, started.get());
        assertEquals(List.of(), ran);
    }

    private static Compilation compile(Processor processor) {
        return Compiler.javac().withProcessors(processor).compile(SOURCES);
    }

    private static String snapshot(Compilation compilation) {
        assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
        try {
            return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityMigrationsProcessor.SNAPSHOT)
                    .orElseThrow(() -> new AssertionError("no snapshot written")).getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A processor that starts one job in the last round. */
    private static final class OneJob extends LastRound {
        private final java.util.function.Consumer<ProcessingEnvironment> job;

        OneJob(java.util.function.Consumer<ProcessingEnvironment> job) {
            this.job = job;
        }

        @Override
        void lastRound() {
            job.accept(processingEnv);
        }
    }

    /** A processor run with its environment wrapped, as some build tools run processors. */
    private static final class WrappedEnvironment implements Processor {
        private final Processor delegate;

        WrappedEnvironment(Processor delegate) {
            this.delegate = delegate;
        }

        @Override
        public void init(ProcessingEnvironment env) {
            delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
                        try {
                            return method.invoke(env, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        }

        @Override
        public Set<String> getSupportedOptions() {
            return delegate.getSupportedOptions();
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }

        @Override
        public Iterable<? extends Completion> getCompletions(Element element, AnnotationMirror annotation,
                                                             ExecutableElement member, String userText) {
            return delegate.getCompletions(element, annotation, member, userText);
        }
    }
}
