package io.github.entitymigrations.reference;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;

import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An entity mapped to a query with Hibernate's {@code @Subselect} (a read-only summary over other tables): Hibernate
 * creates no table for it and no foreign key referencing it, and neither does the processor. It created a table, so
 * the first migration added a table the application never used, and a foreign key to it refused every row. The
 * same query as a database view, Hibernate's {@code @View}, is refused (not modelled yet), suggesting
 * {@code @Subselect}.
 */
class SubselectReferenceTest {

    private static final JavaFileObject OWNER = HibernateBoot.source("Owner",
            "@Entity public class Owner { @Id Long id; String name; @ManyToOne OwnerSummary summary; }");
    private static final JavaFileObject SUMMARY = HibernateBoot.source("OwnerSummary",
            "@Entity @org.hibernate.annotations.Immutable",
            "@org.hibernate.annotations.Subselect(\"select o.id, o.name from Owner o\")",
            "@org.hibernate.annotations.Synchronize(\"Owner\")",
            "public class OwnerSummary { @Id Long id; String name; }");

    @Test
    void aViewIsRefusedForNow() {
        JavaFileObject view = HibernateBoot.source("OwnerView",
                "@Entity @org.hibernate.annotations.Immutable",
                "@org.hibernate.annotations.View(query = \"select o.id, o.name from Owner o\")",
                "public class OwnerView { @Id Long id; String name; }");
        JavaFileObject owner = HibernateBoot.source("Owner",
                "@Entity public class Owner { @Id Long id; String name; @ManyToOne OwnerView view; }");
        String ddl = HibernateBoot.ddl(List.of("test.Owner", "test.OwnerView"), owner, view);
        assertTrue(ddl.contains("create view OwnerView as select o.id, o.name from Owner o"), ddl);
        assertFalse(ddl.contains("create table OwnerView"), ddl);

        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(owner, view);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("A database view (Hibernate's @View on test.OwnerView) is not "
                + "supported").inFile(view).onLineContaining("public class OwnerView");
        assertThat(compilation).hadErrorContaining("map the entity with @org.hibernate.annotations.Subselect");
    }

    @Test
    void noTableAndNoForeignKeyAsByHibernate() {
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Owner", "test.OwnerSummary"), OWNER, SUMMARY);
        Schema snapshot = HibernateBoot.snapshot(OWNER, SUMMARY);

        assertEquals(List.of(), snapshot.tablesNamed("OwnerSummary"));
        Table owner = snapshot.tablesNamed("Owner").get(0);
        assertTrue(owner.columns().stream().anyMatch(c -> c.name().equals("summary_id")), owner.toString());
        assertEquals(List.of(), owner.foreignKeys());
        assertEquals(List.of(), hibernate.differences(SnapshotSchemaReader.normalize(snapshot)));
    }
}
