package io.github.entitymigrations.processor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ForeignKey;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.schema.Sequence;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/**
 * Compiles small entity sources with {@link EntityMigrationsProcessor} and returns the snapshot it writes,
 * with lookups that fail saying what the snapshot holds instead.
 */
final class SnapshotCompiler {

    /** Imports every test source gets, so a test's lines hold only the mapping. */
    private static final List<String> HEADER = List.of("package test;", "import jakarta.persistence.*;",
            "import java.math.*;", "import java.time.*;", "import java.util.*;");

    private SnapshotCompiler() {
    }

    /** A source of class {@code test.<simpleName>}, with the JPA, java.math, java.time and java.util imports. */
    static JavaFileObject source(String simpleName, String... lines) {
        List<String> all = new ArrayList<>(HEADER);
        all.addAll(Arrays.asList(lines));
        return JavaFileObjects.forSourceLines("test." + simpleName, all);
    }

    /** Compiles with JPA naming and Bean Validation on; fails on any error. */
    static Schema compile(JavaFileObject... sources) {
        return compile(List.of(), sources);
    }

    /** Compiles with {@code options} ({@code -Amigration.naming=spring}, ...); fails on any error. */
    static Schema compile(List<String> options, JavaFileObject... sources) {
        return SchemaJson.read(json(options, sources));
    }

    /** The snapshot text exactly as written, for byte comparisons. */
    static String json(List<String> options, JavaFileObject... sources) {
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
            fail("compilation with the processor failed:\n" + errors);
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

    /** The table of that qualified name ({@code name} or {@code schema.name}), compared exactly. */
    static Table table(Schema schema, String qualifiedName) {
        return schema.tables().stream().filter(t -> t.qualifiedName().equals(qualifiedName)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + qualifiedName + " in the snapshot; its tables: "
                        + tableNames(schema)));
    }

    static List<String> tableNames(Schema schema) {
        return schema.tables().stream().map(Table::qualifiedName).toList();
    }

    /** The column of that exact (case-sensitive) name. */
    static Column column(Table table, String name) {
        return table.columns().stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + name + " in table " + table.qualifiedName()
                        + "; its columns: " + columnNames(table)));
    }

    static List<String> columnNames(Table table) {
        return table.columns().stream().map(Column::name).toList();
    }

    /** The column's type as {@code NAME(length)} or {@code NAME(precision,scale)}. */
    static String type(Table table, String column) {
        return column(table, column).type().toString();
    }

    static Sequence sequence(Schema schema, String qualifiedName) {
        return schema.sequences().stream().filter(s -> s.qualifiedName().equals(qualifiedName)).findFirst()
                .orElseThrow(() -> new AssertionError("no sequence " + qualifiedName + " in the snapshot; its "
                        + "sequences: " + schema.sequences().stream().map(Sequence::qualifiedName).toList()));
    }

    /** The foreign key over exactly these columns, in this order. */
    static ForeignKey foreignKey(Table table, String... columns) {
        return table.foreignKeys().stream().filter(f -> f.columns().equals(List.of(columns))).findFirst()
                .orElseThrow(() -> new AssertionError("no foreign key on " + List.of(columns) + " in table "
                        + table.qualifiedName() + "; its foreign keys: " + table.foreignKeys()));
    }

    /** The check constraint on that column. */
    static CheckConstraint check(Table table, String column) {
        return table.checks().stream().filter(c -> column.equals(c.column())).findFirst()
                .orElseThrow(() -> new AssertionError("no check on column " + column + " in table "
                        + table.qualifiedName() + "; its checks: " + table.checks()));
    }

    /** The column lists of the table's unique constraints. */
    static List<List<String>> uniqueColumns(Table table) {
        return table.uniques().stream().map(u -> u.columns()).toList();
    }
}
