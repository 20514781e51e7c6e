package io.github.entitymigrations.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entity index names each compiled type's source file. Where javac cannot say it directly (Java 17, no
 * {@code Elements.getFileObjectOf}), the index takes it from the compilation units javac enters before the last
 * round instead of searching each type's tree; either way the same files.
 */
class EntityIndexSourceFilesTest {

    @Test
    void eachTypesSourceFileIsFoundTheWayTheRunningJavacAllows(@TempDir Path dir) throws IOException {
        Path sources = dir.resolve("src");
        Path top = write(sources.resolve("shop/Order.java"), "package shop; public class Order { }");
        Path holder = write(sources.resolve("shop/parts/Holder.java"),
                "package shop.parts; public class Holder { public static class Inner { } }");
        Path unnamed = write(sources.resolve("Loose.java"), "public class Loose { }");
        Path classes = Files.createDirectories(dir.resolve("out/classes"));

        Recording recording = new Recording();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, null, List.of("-d", classes.toString(),
                    "-proc:only"), null, files.getJavaFileObjects(top, holder, unnamed));
            task.setProcessors(List.of(recording));
            assertTrue(task.call());
        }

        Map<String, String> expected = new TreeMap<>();
        expected.put("shop.Order", relative(classes, top));
        expected.put("shop.parts.Holder", relative(classes, holder));
        expected.put("shop.parts.Holder.Inner", relative(classes, holder));
        expected.put("Loose", relative(classes, unnamed));
        assertEquals(expected, recording.paths);
        boolean java17 = Runtime.version().feature() < 18;
        assertEquals(java17 ? Map.of("Loose", true, "shop.Order", true, "shop.parts.Holder", true,
                        "shop.parts.Holder.Inner", true)
                        : Map.of("Loose", false, "shop.Order", false, "shop.parts.Holder", false,
                        "shop.parts.Holder.Inner", false), recording.fromEnteredUnits,
                java17 ? "Java 17 takes each file from the units javac entered" : "javac says it directly");
    }

    private static String relative(Path classes, Path source) {
        return classes.relativize(source.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    /** Asks an index, in the last round, for the source of every compiled type. */
    private static final class Recording extends LastRound {
        final Map<String, String> paths = new TreeMap<>();
        final Map<String, Boolean> fromEnteredUnits = new TreeMap<>();
        private EntityIndex index;

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            index = new EntityIndex(env);
            index.listen();
        }

        @Override
        void lastRound() {
            for (String name : List.of("shop.Order", "shop.parts.Holder", "shop.parts.Holder.Inner", "Loose")) {
                TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
                paths.put(name, index.sourcePathOf(type));
                fromEnteredUnits.put(name, index.knownFromEnteredUnits(type));
            }
        }
    }
}
