package io.github.entitymigrations.reference;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import io.github.entitymigrations.schema.SchemaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One column mapped by two writable attributes of one entity: Hibernate refuses it ("Column ... is duplicated
 * in mapping for entity ..."), and so does the processor, on the second mapping, saying to make one mapping
 * read-only. The duplicate mappings Hibernate accepts are fixtures ({@code fixtures/payments}).
 */
class DuplicateColumnReferenceTest {

    private static final JavaFileObject GATEWAY = source("Gateway", "@Entity public class Gateway { @Id Long id; }");

    record Case(String description, JavaFileObject entity, String column, String attributeLine) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> refused() {
        return Stream.of(
                new Case("two writable basics", source("Ledger",
                        "@Entity public class Ledger { @Id Long id;",
                        "  @Column(name = \"status\") String status;",
                        "  @Column(name = \"status\", insertable = false) String statusText; }"),
                        "status", "String statusText"),
                new Case("a writable basic and a writable @ManyToOne", source("Charge",
                        "@Entity public class Charge { @Id Long id;",
                        "  @Column(name = \"gateway_id\") Long gatewayId;",
                        "  @ManyToOne @JoinColumn(name = \"gateway_id\") Gateway gateway; }"),
                        "gateway_id", "Gateway gateway"),
                new Case("an @Id and a writable @ManyToOne", source("Profile",
                        "@Entity public class Profile {",
                        "  @Id @Column(name = \"gateway_id\") Long id;",
                        "  @ManyToOne @JoinColumn(name = \"gateway_id\") Gateway gateway; }"),
                        "gateway_id", "Gateway gateway"),
                new Case("an @EmbeddedId part and a writable @ManyToOne", source("Quota",
                        "@Entity public class Quota { @EmbeddedId QuotaId id;",
                        "  @ManyToOne @JoinColumn(name = \"gateway_id\") Gateway gateway; }",
                        "@Embeddable class QuotaId implements java.io.Serializable {",
                        "  @Column(name = \"gateway_id\") Long gatewayId; String period; }"),
                        "gateway_id", "Gateway gateway"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void hibernateRefusesTwoWritableMappingsOfOneColumn(Case c) {
        String entity = "test." + c.entity().getName().replaceAll(".*/|\\.java$", "");
        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> HibernateBoot.read(List.of("test.Gateway", entity), GATEWAY, c.entity()));
        String message = String.valueOf(refusal.getMessage());
        assertTrue(message.contains("Column '" + c.column() + "' is duplicated in mapping for entity"),
                "Hibernate refused for another reason: " + message);
    }

    @ParameterizedTest
    @MethodSource("refused")
    void theProcessorRefusesThemOnTheSecondMappingSayingWhatToDo(Case c) {
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor())
                .compile(GATEWAY, c.entity());
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Column " + c.column() + " of table")
                .inFile(c.entity()).onLineContaining(c.attributeLine());
        assertThat(compilation).hadErrorContaining("insertable = false, updatable = false");
    }

    /**
     * Sharing one column of a composite foreign key through {@code @JoinColumns} needs the whole association
     * read-only: Hibernate refuses join columns that mix insertable and not, and so does the processor.
     */
    @Test
    void joinColumnsMixingReadOnlyAndWritableAreRefusedByBoth() {
        JavaFileObject target = source("Merchant",
                "@Entity @IdClass(MerchantId.class) public class Merchant {",
                "  @Id @Column(name = \"gateway_id\") Long gatewayId; @Id String code; }",
                "class MerchantId implements java.io.Serializable { Long gatewayId; String code; }");
        JavaFileObject mixed = source("Transfer",
                "@Entity public class Transfer { @Id Long id; @Column(name = \"gateway_id\") Long gatewayId;",
                "  @ManyToOne @JoinColumns({",
                "    @JoinColumn(name = \"gateway_id\", referencedColumnName = \"gateway_id\", insertable = false,",
                "        updatable = false),",
                "    @JoinColumn(name = \"merchant_code\", referencedColumnName = \"code\") })",
                "  Merchant merchant; }");

        RuntimeException refusal = assertThrows(RuntimeException.class,
                () -> HibernateBoot.read(List.of("test.Merchant", "test.Transfer"), target, mixed));
        assertTrue(String.valueOf(refusal.getMessage()).contains("mix insertable with 'insertable=false'"),
                "Hibernate refused for another reason: " + refusal.getMessage());

        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor())
                .compile(target, mixed);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("The @JoinColumns of Transfer.merchant differ in insertable")
                .inFile(mixed).onLineContaining("@ManyToOne @JoinColumns");
        assertThat(compilation).hadErrorContaining("make the whole association insertable = false, updatable = false");
    }

    /**
     * Hibernate leaves the key columns of several {@code @Id} attributes ({@code @IdClass}) out of its check
     * for columns mapped twice, so it starts with a writable {@code @ManyToOne} over such a column, and the
     * processor gives the same schema: the key column once, the foreign key on it. (Hibernate's inserts then
     * name the column twice and fail, so this mapping is no fixture: the round trip over the fixtures in
     * migration-maven-plugin persists every one.)
     */
    @Test
    void anIdClassKeyColumnWithAWritableManyToOneIsAcceptedAsByHibernate() {
        JavaFileObject route = source("Route",
                "@Entity @IdClass(RouteId.class) public class Route {",
                "  @Id @Column(name = \"gateway_id\") Long gatewayId; @Id @Column(length = 2) String country;",
                "  @ManyToOne(optional = false) @JoinColumn(name = \"gateway_id\") Gateway gateway; int priority; }",
                "class RouteId implements java.io.Serializable { Long gatewayId; String country; }");

        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Gateway", "test.Route"), GATEWAY, route);
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor())
                .compile(GATEWAY, route);
        assertThat(compilation).succeededWithoutWarnings();
        String json;
        try {
            json = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, EntityMigrationsProcessor.SNAPSHOT)
                    .orElseThrow().getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NormalizedSchema snapshot = SnapshotSchemaReader.normalize(SchemaJson.read(json));

        assertTrue(hibernate.dump().contains("foreign key (gateway_id): references Gateway (id)"), hibernate.dump());
        assertEquals(List.of(), hibernate.differences(snapshot));
    }

    private static JavaFileObject source(String simpleName, String... lines) {
        return JavaFileObjects.forSourceLines("test." + simpleName, Stream.concat(
                Stream.of("package test;", "import jakarta.persistence.*;"), Stream.of(lines)).toList());
    }
}
