package io.github.entitymigrations.reference;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @JdbcTypeCode} with Hibernate's own codes ({@code MATERIALIZED_CLOB}, {@code INSTANT}, {@code OFFSET_TIME},
 * {@code JSON_ARRAY}, ...): the processor fell through to the Java type, so {@code @JdbcTypeCode(SqlTypes.INSTANT)
 * Instant} was a {@code timestamp with time zone} where Hibernate creates a {@code timestamp}, and a
 * {@code MATERIALIZED_CLOB} a {@code varchar(255)} where Hibernate creates a CLOB. Each is now the type Hibernate's
 * create script has, on the Hibernate of the class path (6.6 here, 7.2 and 7.4 in the hibernate-reference runs);
 * the codes whose column depends on the dialect's extensions ({@code VECTOR}, {@code POINT}, {@code ROWID}, ...) are
 * a compile error asking for the type.
 */
class TypeCodeReferenceTest {

    /** Each: the code and Java type | the column in Hibernate's PostgreSQL DDL | the snapshot's type. */
    @ParameterizedTest
    @ValueSource(strings = {
        "MATERIALIZED_BLOB) byte[]|v oid|BLOB",
        "MATERIALIZED_CLOB) String|v oid|CLOB",
        "MATERIALIZED_NCLOB) String|v oid|NCLOB",
        "INSTANT) java.time.Instant|v timestamp(6)|TIMESTAMP",
        "LOCAL_DATE_TIME) java.time.LocalDateTime|v timestamp(6)|TIMESTAMP",
        "LOCAL_DATE) java.time.LocalDate|v date|DATE",
        "LOCAL_TIME) java.time.LocalTime|v time(DIGITS)|TIME",
        "OFFSET_DATE_TIME) java.time.OffsetDateTime|v timestamp(6) with time zone|TIMESTAMP_WITH_TIMEZONE",
        "ZONED_DATE_TIME) java.time.ZonedDateTime|v timestamp(6) with time zone|TIMESTAMP_WITH_TIMEZONE",
        "OFFSET_TIME) java.time.OffsetTime|v time(DIGITS) with time zone|TIME_WITH_TIMEZONE",
        "TIME_WITH_TIMEZONE) java.time.OffsetTime|v time(DIGITS) with time zone|TIME_WITH_TIMEZONE",
        "DURATION) java.time.Duration|v numeric(21,0)|NUMERIC(21,0)"})
    void hibernatesOwnCodesAreTheTypesTheyStandFor(String c) {
        // Hibernate 7 creates time columns with whole seconds, 6.6 with microseconds.
        String[] m = c.replace("DIGITS", HibernateBoot.HIBERNATE_7 ? "0" : "6").split("\\|");
        boolean time = m[2].startsWith("TIME") && !m[2].startsWith("TIMESTAMP");
        String type = time && HibernateBoot.HIBERNATE_7 ? m[2] + "(0)" : m[2];
        JavaFileObject sample = sample("@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes." + m[0]
                + " v;");
        String ddl = HibernateBoot.ddl(List.of("test.Sample"), sample);
        assertTrue(ddl.contains(m[1] + ","), m[1] + " in " + ddl);
        assertEquals(type, HibernateBoot.snapshot(sample).tablesNamed("Sample").get(0).columns().stream()
                .filter(x -> x.name().equals("v")).findFirst().orElseThrow().type().toString());
    }

    /** JSON_ARRAY is json in Hibernate 7 (6.6 has no DDL for it and fails at start-up). */
    @ParameterizedTest
    @ValueSource(strings = {"java.util.List<String>", "String[]"})
    void aJsonArrayIsJson(String javaType) {
        JavaFileObject sample = sample("@org.hibernate.annotations.JdbcTypeCode("
                + "org.hibernate.type.SqlTypes.JSON_ARRAY) " + javaType + " v;");
        if (HibernateBoot.HIBERNATE_7) {
            String ddl = HibernateBoot.ddl(List.of("test.Sample"), sample);
            assertTrue(ddl.contains("v jsonb,"), ddl);
        }
        assertEquals("JSON", HibernateBoot.snapshot(sample).tablesNamed("Sample").get(0).columns().stream()
                .filter(x -> x.name().equals("v")).findFirst().orElseThrow().type().toString());
    }

    /** The codes whose column the dialect's extensions decide: asked for, with or without a name. */
    @ParameterizedTest
    @ValueSource(strings = {"org.hibernate.type.SqlTypes.POINT) String|SqlTypes.POINT",
        "org.hibernate.type.SqlTypes.ROWID) String|SqlTypes.ROWID", "10000) float[]|SqlTypes.VECTOR",
        "4242) String|4242"})
    void aCodeOfTheDialectsExtensionsIsAskedFor(String c) {
        String[] m = c.split("\\|");
        JavaFileObject sample = sample("@org.hibernate.annotations.JdbcTypeCode(" + m[0] + " v;");
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(sample);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@JdbcTypeCode(" + m[1] + ") on Sample.v names a type code the "
                + "processor does not map").inFile(sample).onLineContaining("JdbcTypeCode");
        assertThat(compilation).hadErrorContaining("@Column(columnDefinition = \"...\")");

        JavaFileObject defined = sample("@Column(columnDefinition = \"bytea\") @org.hibernate.annotations.JdbcTypeCode("
                + m[0] + " v;");
        assertEquals("bytea", HibernateBoot.snapshot(defined).tablesNamed("Sample").get(0).columns().stream()
                .filter(x -> x.name().equals("v")).findFirst().orElseThrow().columnDefinition());
    }

    private static JavaFileObject sample(String attribute) {
        return HibernateBoot.source("Sample", "@Entity public class Sample { @Id Long id;", "  " + attribute + " }");
    }
}
