package io.github.entitymigrations.bench.compile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A processor for {@code @Entity} that does nothing, compiled into a class directory to use as a processor
 * path: what javac costs as soon as any processor runs, which no processor can go below.
 */
final class NoopProcessor {

    private static final String SOURCE = """
            package bench.noop;

            import java.util.Set;
            import javax.annotation.processing.AbstractProcessor;
            import javax.annotation.processing.RoundEnvironment;
            import javax.annotation.processing.SupportedAnnotationTypes;
            import javax.lang.model.SourceVersion;
            import javax.lang.model.element.TypeElement;

            @SupportedAnnotationTypes({"jakarta.persistence.Entity", "javax.persistence.Entity"})
            public class NoopProcessor extends AbstractProcessor {
                @Override
                public SourceVersion getSupportedSourceVersion() {
                    return SourceVersion.latestSupported();
                }

                @Override
                public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
                    return false;
                }
            }
            """;

    private NoopProcessor() {
    }

    /** Compiles it into {@code dir} with its service file; returns {@code dir}. */
    static Path build(Path dir, List<Path> classPath) throws IOException {
        Path src = dir.resolveSibling(dir.getFileName() + "-src").resolve("bench/noop/NoopProcessor.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Javac.compile(List.of(src), classPath, null, null, dir);
        Path services = dir.resolve("META-INF/services/javax.annotation.processing.Processor");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "bench.noop.NoopProcessor\n");
        return dir;
    }
}
