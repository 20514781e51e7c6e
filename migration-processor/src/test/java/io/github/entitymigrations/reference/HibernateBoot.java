package io.github.entitymigrations.reference;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles entity sources in memory, without the processor, and hands the classes to Hibernate, for tests that
 * prove what Hibernate itself accepts or refuses; or with it, for the snapshot to compare.
 */
final class HibernateBoot {

    /** Whether the Hibernate on the class path is a 7.x (the hibernate-reference runs), not 6.6. */
    static final boolean HIBERNATE_7 = org.hibernate.Version.getVersionString().startsWith("7.");

    private HibernateBoot() {
    }

    /** A source {@code test.<simpleName>} of the lines given, in package {@code test}, importing jakarta.persistence. */
    static JavaFileObject source(String simpleName, String... lines) {
        return JavaFileObjects.forSourceLines("test." + simpleName, Stream.concat(
                Stream.of("package test;", "import jakarta.persistence.*;"), Stream.of(lines)).toList());
    }

    /** Compiles {@code sources} with the processor, asserts it succeeded, and reads the snapshot it wrote. */
    static Schema snapshot(JavaFileObject... sources) {
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(sources);
        assertThat(compilation).succeeded();
        return written(compilation);
    }

    /** As {@link #snapshot}, asserting too that the processor warned of nothing. */
    static Schema snapshotWithoutWarnings(JavaFileObject... sources) {
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(sources);
        assertThat(compilation).succeededWithoutWarnings();
        return written(compilation);
    }

    private static Schema written(Compilation compilation) {
        try {
            return SchemaJson.read(compilation.generatedFile(StandardLocation.CLASS_OUTPUT,
                    EntityMigrationsProcessor.SNAPSHOT).orElseThrow().getCharContent(true).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Boots Hibernate (as {@link HibernateSchemaReader} does, JPA naming) over the entity classes named. */
    static NormalizedSchema read(List<String> entityNames, JavaFileObject... sources) {
        ClassLoader loader = compile(sources);
        List<Class<?>> entities = load(loader, entityNames);
        return withContextLoader(loader, () -> new HibernateSchemaReader("jpa", true).read(entities));
    }

    /** Hibernate's PostgreSQL create script for the entity classes named (what {@code ddl-auto=create} runs). */
    static String ddl(List<String> entityNames, JavaFileObject... sources) {
        ClassLoader loader = compile(sources);
        List<Class<?>> entities = load(loader, entityNames);
        HibernateSchemaReader reader = new HibernateSchemaReader("jpa", true);
        withContextLoader(loader, () -> reader.read(entities));
        return reader.ddl();
    }

    private static List<Class<?>> load(ClassLoader loader, List<String> entityNames) {
        List<Class<?>> entities = new ArrayList<>();
        for (String name : entityNames) {
            try {
                entities.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
                throw new AssertionError("the sources declare no class " + name, e);
            }
        }
        return entities;
    }

    private static <T> T withContextLoader(ClassLoader loader, Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static ClassLoader compile(JavaFileObject... sources) {
        Compilation compilation = Compiler.javac().withOptions("-proc:none").compile(sources);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            throw new AssertionError("the sources do not compile: " + compilation.errors());
        }
        Map<String, byte[]> classes = new HashMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                String path = file.toUri().getPath();
                String name = path.substring(path.indexOf("/CLASS_OUTPUT/") + "/CLASS_OUTPUT/".length(),
                        path.length() - ".class".length()).replace('/', '.');
                try (var in = file.openInputStream()) {
                    classes.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new ClassLoader(HibernateBoot.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }
}
