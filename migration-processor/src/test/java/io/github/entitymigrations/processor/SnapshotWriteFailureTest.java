package io.github.entitymigrations.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
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
        Failed failed = compileFailingAtOpen(new IOException("No space left on device"));
        assertFalse(failed.succeeded, "the compilation must fail");
        assertTrue(failed.errors.contains("Cannot write " + EntityMigrationsProcessor.SNAPSHOT
                + ": No space left on device"), failed.errors.toString());
        assertFalse(Files.exists(failed.out.resolve(EntityMigrationsProcessor.SNAPSHOT)));
        assertTrue(Files.exists(failed.out.resolve("test/Author.class")), "javac itself compiled on");
    }

    @Test
    void aFileManagerThatThrowsUncheckedIsReportedAsTheFileNotWrittenNotAsACrash() throws IOException {
        Failed failed = compileFailingAtOpen(new IllegalStateException("output directory was removed"));
        assertFalse(failed.succeeded, "the compilation must fail");
        assertEquals(List.of("Cannot write " + EntityMigrationsProcessor.SNAPSHOT + ": output directory was removed"),
                failed.errors);
        assertFalse(Files.exists(failed.out.resolve(EntityMigrationsProcessor.SNAPSHOT)));
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

    private record Failed(boolean succeeded, List<String> errors, Path out) {
    }

    /** Compiles {@link #AUTHOR} with a file manager whose snapshot file throws {@code failure} when opened. */
    private static Failed compileFailingAtOpen(Exception failure) throws IOException {
        Path out = Files.createTempDirectory("snapshot-write");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null)) {
            JavaFileManager failing = new ForwardingJavaFileManager<>(files) {
                @Override
                public FileObject getFileForOutput(Location location, String packageName, String relativeName,
                                                   FileObject sibling) throws IOException {
                    FileObject file = super.getFileForOutput(location, packageName, relativeName, sibling);
                    if (location != StandardLocation.CLASS_OUTPUT
                            || !relativeName.equals(EntityMigrationsProcessor.SNAPSHOT)) {
                        return file;
                    }
                    return new ForwardingFileObject<>(file) {
                        @Override
                        public OutputStream openOutputStream() throws IOException {
                            if (failure instanceof IOException io) {
                                throw io;
                            }
                            throw (RuntimeException) failure;
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
            return new Failed(succeeded, errors, out);
        }
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
