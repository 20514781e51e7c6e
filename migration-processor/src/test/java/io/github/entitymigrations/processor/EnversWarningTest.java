package io.github.entitymigrations.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Envers adds audit tables the snapshot does not model: an application auditing entities is told so, once
 * per compilation, whether {@code @Audited} is on an entity, a mapped superclass or one attribute. The annotation is
 * declared here by name, as Envers declares it (the processor reads annotations by name).
 */
class EnversWarningTest {

    private static final JavaFileObject AUDITED = JavaFileObjects.forSourceLines("org.hibernate.envers.Audited",
            "package org.hibernate.envers;",
            "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)",
            "public @interface Audited {}");

    private static JavaFileObject entity(String name, String... body) {
        String[] lines = new String[body.length + 2];
        lines[0] = "package demo;";
        lines[1] = "import jakarta.persistence.*; import org.hibernate.envers.Audited;";
        System.arraycopy(body, 0, lines, 2, body.length);
        return JavaFileObjects.forSourceLines("demo." + name, lines);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(sources);
    }

    @Test
    void auditedEntitiesAreNamedInOneWarningSayingWhatIsMissingAndWhatToDo() {
        Compilation c = compile(AUDITED,
                entity("Target", "@Audited @Entity @Table(name = \"targets\")",
                        "public class Target { @Id Long id; String alias; }"),
                entity("Base", "@Audited @MappedSuperclass public abstract class Base { @Id Long id; }"),
                entity("Rule", "@Entity public class Rule extends Base { String name; }"),
                entity("Credential", "@Entity public class Credential { @Id Long id; @Audited String secret; }"),
                entity("Plain", "@Entity public class Plain { @Id Long id; }"));
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("Entities Credential, Rule, Target are audited by Hibernate Envers "
                + "(@Audited), whose audit tables (Credential_AUD, Rule_AUD, targets_AUD and the revision table, "
                + "REVINFO by default) are not in the snapshot");
        assertThat(c).hadWarningContaining("Envers is not supported yet. Create those tables in a hand-written sql "
                + "step");
        assertEquals(1, c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING
                && d.getMessage(null).contains("Envers")).count(), "one warning for all of them");
    }

    @Test
    void aSingleTableHierarchyHasOneAuditTable() {
        Compilation c = compile(AUDITED,
                entity("Item", "@Audited @Entity public class Item { @Id Long id; }"),
                entity("Book", "@Entity public class Book extends Item { String isbn; }"));
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("Entities Book, Item are audited by Hibernate Envers (@Audited), whose "
                + "audit tables (Item_AUD and the revision table");
    }

    @Test
    void noWarningWithoutEnvers() {
        Compilation c = compile(JavaFileObjects.forSourceLines("demo.Plain", "package demo;",
                "import jakarta.persistence.*;", "@Entity public class Plain { @Id Long id; String name; }"));
        assertThat(c).succeededWithoutWarnings();
    }
}
