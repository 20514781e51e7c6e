package io.github.entitymigrations.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingFileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The snapshot is written when javac's compilation ends. If the file cannot be written then (a full disk, a build
 * tool's file manager refusing it), the compilation fails with an error naming the file and the cause, and no
 * snapshot is left behind; an unexpected failure without an entity to blame says what was being done.
 */
class SnapshotWriteFailureTest {

    private static final JavaFileObject AUTHOR = SnapshotCompiler.source("Author", "@Entity public class Author {",
            "  @Id @GeneratedValue Long id;", "  String name;", "}");

    @Test
    void aFullDiskWhenTheSnapshotIsWrittenFailsTheCompilationNamingTheFile() throws IOException {
        Failed failed = assertFailsNaming(At.OPENING_THE_SNAPSHOT, new IOException("No space left on device"),
                "No space left on device");
        assertTrue(Files.exists(failed.out.resolve("test/Author.class")), "javac itself compiled on");
    }

    @Test
    void aFileManagerThatThrowsUncheckedIsReportedAsTheFileNotWrittenNotAsACrash() throws IOException {
        assertFailsNaming(At.OPENING_THE_SNAPSHOT, new IllegalStateException("output directory was removed"),
                "output directory was removed");
    }

    @Test
    void aSnapshotFileThatCannotBeCreatedFailsTheCompilationNamingTheFile() throws IOException {
        assertFailsNaming(At.CREATING_THE_SNAPSHOT, new UnsupportedOperationException("read-only output"),
                "read-only output");
    }

    /** The compilation fails with one error naming the snapshot's file and {@code cause}; no snapshot is left. */
    private static Failed assertFailsNaming(At at, Exception failure, String cause) throws IOException {
        Failed failed = compileFailing(at, failure);
        assertFalse(failed.succeeded, "the compilation must fail");
        assertEquals(List.of("Cannot write " + EntityMigrationsProcessor.SNAPSHOT + ": " + cause), failed.errors);
        assertFalse(Files.exists(failed.out.resolve(EntityMigrationsProcessor.SNAPSHOT)));
        return failed;
    }

    @Test
    void anIndexThatCannotBeWrittenIsAWarningAndTheSnapshotIsStillWritten() throws IOException {
        Failed failed = compileFailing(At.OPENING_THE_INDEX, new IllegalStateException("index locked"));
        assertTrue(failed.succeeded, failed.errors.toString());
        assertTrue(failed.warnings.stream().anyMatch(w -> w.equals("entity-migrations could not write "
                + EntityIndex.PATH + " (index locked); the next partial recompilation may miss entities")),
                failed.warnings.toString());
        assertTrue(Files.readString(failed.out.resolve(EntityMigrationsProcessor.SNAPSHOT)).contains("\"Author\""));
    }

    @Test
    void aFileProblemIsToldByTheCauseOnlyWhereAWrapperAddsNothingToIt() {
        IOException disk = new IOException("No space left on device");
        assertEquals("No space left on device", Reporter.fileProblem(disk));
        assertEquals("No space left on device", Reporter.fileProblem(new UncheckedIOException(disk)));
        assertEquals("No space left on device", Reporter.fileProblem(new RuntimeException(disk)), "as javac wraps");
        assertEquals("output locked by the IDE", Reporter.fileProblem(
                new IllegalStateException("output locked by the IDE", disk)));
        assertEquals("java.lang.IllegalStateException", Reporter.fileProblem(new IllegalStateException()));
    }

    @Test
    void anInternalErrorWithoutAnEntitySaysWhatWasBeingDone() {
        List<String> printed = new ArrayList<>();
        Reporter reporter = new Reporter(new Collecting(printed));
        reporter.internalError(null, new IllegalStateException("boom"));
        assertTrue(reporter.hadErrors());
        assertEquals(1, printed.size());
        assertTrue(printed.get(0).startsWith("entity-migrations internal error while making the schema snapshot: "
                + "java.lang.IllegalStateException: boom. Please report it;"), printed.get(0));
        assertFalse(printed.get(0).contains("null"), printed.get(0));
    }

    private record Failed(boolean succeeded, List<String> errors, List<String> warnings, Path out) {
    }

    /** Where the file manager fails. */
    private enum At { OPENING_THE_SNAPSHOT, CREATING_THE_SNAPSHOT, OPENING_THE_INDEX }

    /** Compiles {@link #AUTHOR} with a file manager that throws {@code failure} {@code at} that point. */
    private static Failed compileFailing(At at, Exception failure) throws IOException {
        Path out = Files.createTempDirectory("snapshot-write");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            JavaFileManager failing = new ForwardingJavaFileManager<>(files) {
                @Override
                public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                                                   FileObject sibling) throws IOException {
                    boolean snapshot = relativeName.equals(EntityMigrationsProcessor.SNAPSHOT);
                    if (location == StandardLocation.CLASS_OUTPUT && snapshot && at == At.CREATING_THE_SNAPSHOT) {
                        throw thrown(failure);
                    }
                    FileObject file = super.getFileForOutput(location, packageName, relativeName, sibling);
                    boolean index = relativeName.equals(EntityIndex.PATH);
                    if (location != StandardLocation.CLASS_OUTPUT || !(snapshot && at == At.OPENING_THE_SNAPSHOT
                            || index && at == At.OPENING_THE_INDEX)) {
                        return file;
                    }
                    return new ForwardingFileObject<>(file) {
                        @Override
                        public OutputStream openOutputStream() throws IOException {
                            throw thrown(failure);
                        }

                        @Override
                        public Writer openWriter() throws IOException {
                            throw thrown(failure);
                        }
                    };
                }
            };
            JavaCompiler.CompilationTask task = javac.getTask(null, failing, diagnostics, List.of("-d", out.toString(),
                    "-classpath", System.getProperty("java.class.path")), null, List.of(AUTHOR));
            task.setProcessors(List.of(new EntityMigrationsProcessor()));
            boolean succeeded = task.call();
            List<String> errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).map(d -> d.getMessage(Locale.ROOT)).toList();
            List<String> warnings = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.WARNING).map(d -> d.getMessage(Locale.ROOT)).toList();
            return new Failed(succeeded, errors, warnings, out);
        }
    }

    /** {@code failure}, to be thrown where a file manager may throw an {@link IOException}. */
    private static IOException thrown(Exception failure) {
        if (failure instanceof RuntimeException unchecked) {
            throw unchecked;
        }
        return (IOException) failure;
    }

    /** A messager that keeps what it is given. */
    private record Collecting(List<String> printed) implements Messager {
        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg) {
            printed.add(msg.toString());
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e) {
            printed.add(msg.toString());
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a) {
            printed.add(msg.toString());
        }

        @Override
        public void printMessage(Diagnostic.Kind kind, CharSequence msg, Element e, AnnotationMirror a,
                                 AnnotationValue v) {
            printed.add(msg.toString());
        }
    }
}
