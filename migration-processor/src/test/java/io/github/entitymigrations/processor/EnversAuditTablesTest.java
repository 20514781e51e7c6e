package io.github.entitymigrations.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.SchemaJson;
import io.github.entitymigrations.schema.Table;
import java.io.IOException;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * Hibernate Envers' audit tables in the snapshot (their shape is proven against Hibernate by
 * {@code EnversReferenceTest}): what Envers audits in a table the processor does not model is named in one warning
 * per compilation, saying what to do, and the rest of the audit tables are still there.
 */
class EnversAuditTablesTest {

    private static JavaFileObject entity(String name, String... body) {
        String[] lines = new String[body.length + 2];
        lines[0] = "package demo;";
        lines[1] = "import jakarta.persistence.*; import org.hibernate.envers.*;";
        System.arraycopy(body, 0, lines, 2, body.length);
        return JavaFileObjects.forSourceLines("demo." + name, lines);
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(sources);
    }

    private static List<String> tables(Compilation c) throws IOException {
        Schema schema = SchemaJson.read(c.generatedFile(StandardLocation.CLASS_OUTPUT,
                EntityMigrationsProcessor.SNAPSHOT).orElseThrow().getCharContent(true).toString());
        return schema.tables().stream().map(Table::name).sorted().toList();
    }

    @Test
    void auditTablesNotModelledAreNamedInOneWarningSayingWhatToDo() throws IOException {
        Compilation c = compile(
                entity("Owner", "@Audited @Entity public class Owner { @Id Long id;",
                        "  @ElementCollection java.util.Set<Address> addresses;",
                        "  @OneToMany @JoinColumn(name = \"owner_id\") java.util.List<Pet> pets; }"),
                entity("Address", "@Embeddable public class Address { String street; }"),
                entity("Pet", "@Audited @Entity public class Pet { @Id Long id; }"),
                entity("Slot", "@Audited @Entity @IdClass(SlotId.class) @SecondaryTable(name = \"slot_more\")",
                        "public class Slot { @Id String room; @Id int day;",
                        "  @Column(table = \"slot_more\") String more; }"),
                entity("SlotId", "public class SlotId implements java.io.Serializable { String room; int day; }"),
                entity("Flagged", "@Audited(withModifiedFlag = true) @Entity public class Flagged { @Id Long id; }"),
                entity("Split", "@Audited @Entity @SecondaryTable(name = \"split_more\") public class Split {",
                        "  @Id Long id; @Column(table = \"split_more\") String more; }"));
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("Hibernate Envers audits mappings whose audit tables are not modelled yet: "
                + "Flagged (@Audited(withModifiedFlag, auditParents)); Owner.addresses (an element collection of "
                + "embeddables); Owner.pets (a @OneToMany with a @JoinColumn, audited in a middle table); Slot (a "
                + "composite key); Slot (a secondary table); Split (a secondary table).");
        assertThat(c).hadWarningContaining("Create those tables in a hand-written sql step");
        assertEquals(1, c.diagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.MANDATORY_WARNING
                && d.getMessage(null).contains("Envers")).count(), "one warning for all of them");
        assertEquals(List.of("Flagged", "Flagged_AUD", "Owner", "Owner_AUD", "Owner_addresses", "Pet", "Pet_AUD",
                "REVINFO", "Slot", "Split", "Split_AUD", "slot_more", "split_more"), tables(c));
    }

    @Test
    void mappingsNotAuditedNeedNoWarning() throws IOException {
        Compilation c = compile(
                entity("Owner", "@Audited @Entity public class Owner { @Id Long id;",
                        "  @NotAudited @ElementCollection java.util.Set<Address> addresses; }"),
                entity("Address", "@Embeddable public class Address { String street; }"),
                entity("Plain", "@Entity public class Plain { @Id Long id;",
                        "  @OneToMany @JoinColumn(name = \"plain_id\") java.util.List<Owner> owners; }"));
        assertThat(c).succeededWithoutWarnings();
        assertEquals(List.of("Owner", "Owner_AUD", "Owner_addresses", "Plain", "REVINFO"), tables(c));
    }

    @Test
    void noAuditedEntityNoRevisionTable() throws IOException {
        Compilation c = compile(entity("Plain", "@Entity public class Plain { @Id Long id; String name; }"));
        assertThat(c).succeededWithoutWarnings();
        assertEquals(List.of("Plain"), tables(c));
    }
}
