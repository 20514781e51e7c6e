package io.github.entitymigrations.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.json;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Backfill}: recorded in the snapshot as the column's hint, refused unless it is one SQL expression. */
class BackfillMappingTest {

    @Test
    void theExpressionIsRecordedOnTheColumnFieldOrGetter() {
        Table t = table(compile(source("Client", "@Entity public class Client { @Id Long id;",
                "  @Column(nullable = false) @io.github.entitymigrations.annotations.Backfill(\"'none'\") String nickname;",
                "  String other; }")), "Client");
        assertEquals("'none'", column(t, "nickname").backfill());
        assertFalse(column(t, "nickname").nullable());
        assertNull(column(t, "other").backfill());

        Table getter = table(compile(source("Shop", "@Entity @Access(AccessType.PROPERTY) public class Shop {",
                "  private Long id; private String status;",
                "  @Id public Long getId() { return id; } public void setId(Long id) { this.id = id; }",
                "  @io.github.entitymigrations.annotations.Backfill(\"coalesce(status, 'NEW')\") @Column(nullable = false)",
                "  public String getStatus() { return status; } public void setStatus(String s) { status = s; } }")),
                "Shop");
        assertEquals("coalesce(status, 'NEW')", column(getter, "status").backfill());
    }

    @Test
    void aSnapshotWithoutBackfillHasNoBackfillKey() {
        String text = json(List.of(), source("Plain", "@Entity public class Plain { @Id Long id; String name; }"));
        assertFalse(text.contains("backfill"), text);
        String with = json(List.of(), source("Marked", "@Entity public class Marked { @Id Long id;",
                "  @io.github.entitymigrations.annotations.Backfill(\"0\") int visits; }"));
        assertTrue(with.contains("\"backfill\" : \"0\"") || with.contains("\"backfill\": \"0\""), with);
    }

    @Test
    void javaxEntitiesAreReadAlike() {
        JavaFileObject legacy = JavaFileObjects.forSourceLines("test.Legacy", "package test;",
                "import javax.persistence.*;",
                "@Entity public class Legacy { @Id Long id;",
                "  @Column(nullable = false) @io.github.entitymigrations.annotations.Backfill(\"'old'\") String code; }");
        assertEquals("'old'", column(table(compile(legacy), "Legacy"), "code").backfill());
    }

    @Test
    void aBackfillThatIsNotOneExpressionIsAnErrorOnTheAnnotation() {
        JavaFileObject account = JavaFileObjects.forSourceLines("demo.Account",
                "package demo;",
                "import jakarta.persistence.*;",
                "import io.github.entitymigrations.annotations.Backfill;",
                "@Entity",
                "public class Account {",
                "    @Id Long id;",
                "    @Backfill(\"'x'; drop table victim; --\")",
                "    String note;",
                "    @Backfill(\"\") String empty;",
                "    @Backfill(\"'a', 'b'\") String two;",
                "    @Backfill(\"'it''s'\") String fine;",
                "}");
        Compilation c = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(account);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("@Backfill(\"'x'; drop table victim; --\") on attribute note has a ; outside "
                + "quotes").inFile(account).onLineContaining("drop table victim");
        assertThat(c).hadErrorContaining("so it must be one SQL expression").inFile(account)
                .onLineContaining("drop table victim");
        assertThat(c).hadErrorContaining("@Backfill(\"\") on attribute empty is empty").inFile(account)
                .onLineContaining("String empty");
        assertThat(c).hadErrorContaining("@Backfill(\"'a', 'b'\") on attribute two").inFile(account)
                .onLineContaining("String two");
        assertThat(c).hadErrorCount(3);
    }
}
