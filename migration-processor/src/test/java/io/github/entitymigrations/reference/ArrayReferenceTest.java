package io.github.entitymigrations.reference;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import io.github.entitymigrations.schema.Column;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Basic arrays: Hibernate 6.6 and 7 map a {@code String[]}, an {@code Integer[]} or a {@code List<UUID>} without
 * {@code @ElementCollection}, as one column of an array type (PostgreSQL's {@code varchar(255) array}). The processor
 * refused them ("no column type is known"); its snapshot now holds the element's type, as a column of its own would
 * have it, and each case here is Hibernate's own create script on the Hibernate of the class path (6.6 here, 7.2 and
 * 7.4 in the hibernate-reference runs). Where a database has no arrays, Hibernate 6.6 stores one as a varbinary of
 * the column's length, Hibernate 7 as json: the snapshot's {@code ARRAY(n)} and {@code ARRAY}.
 */
class ArrayReferenceTest {

    /** Each: the attribute | its column in Hibernate's PostgreSQL DDL | the snapshot's element type. */
    @ParameterizedTest
    @ValueSource(strings = {
        "String[] v;|v varchar(255) array|VARCHAR(255)",
        "@Column(length = 40) String[] v;|v varchar(40) array|VARCHAR(40)",
        "@Column(nullable = false) Integer[] v;|v integer array not null|INTEGER",
        "int[] v;|v integer array|INTEGER",
        "long[] v;|v bigint array|BIGINT",
        "short[] v;|v smallint array|SMALLINT",
        "double[] v;|v float(53) array|FLOAT(53)",
        "Float[] v;|v float4 array|FLOAT(24)",
        "Boolean[] v;|v boolean array|BOOLEAN",
        "java.util.UUID[] v;|v uuid array|UUID",
        "java.time.LocalDate[] v;|v date array|DATE",
        "java.time.LocalDateTime[] v;|v timestamp(6) array|TIMESTAMP",
        "java.time.Instant[] v;|v timestamp(6) with time zone array|TIMESTAMP_UTC",
        "java.math.BigDecimal[] v;|v numeric(38,2) array|NUMERIC(38,2)",
        "@Column(precision = 10, scale = 3) java.math.BigDecimal[] v;|v numeric(10,3) array|NUMERIC(10,3)",
        "@Enumerated(EnumType.STRING) Status[] v;|v varchar(255) array|VARCHAR(255)",
        "Status[] v;|v smallint array|TINYINT",
        "byte[][] v;|v bytea array|VARBINARY(255)",
        "java.util.List<String> v;|v varchar(255) array|VARCHAR(255)",
        "java.util.Set<Integer> v;|v integer array|INTEGER",
        "java.util.SortedSet<String> v;|v varchar(255) array|VARCHAR(255)",
        "java.util.Collection<Long> v;|v bigint array|BIGINT",
        "java.time.LocalTime[] v;|v time(DIGITS) array|TIME(DIGITS)",
        "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY) java.util.List<String> v;"
            + "|v varchar(255) array|VARCHAR(255)",
        "@org.hibernate.annotations.Array(length = 10) String[] v;|v varchar(255) array|VARCHAR(255)"})
    void aBasicArrayIsTheElementsTypeAsAnArray(String c) {
        // Hibernate 7 creates time columns with whole seconds, 6.6 with microseconds (as a column of its own).
        String[] m = c.replace("TIME(DIGITS)", HibernateBoot.HIBERNATE_7 ? "TIME(0)" : "TIME")
                .replace("DIGITS", HibernateBoot.HIBERNATE_7 ? "0" : "6").split("\\|");
        JavaFileObject sample = HibernateBoot.source("Sample",
                "@Entity public class Sample { @Id Long id; public enum Status { OPEN, CLOSED }", "  " + m[0] + " }");
        String ddl = HibernateBoot.ddl(List.of("test.Sample"), sample);
        assertTrue(ddl.contains(m[1] + ",") || ddl.contains(m[1] + "["), m[1] + " in " + ddl);

        Column v = column(sample);
        Integer binaryLength = HibernateBoot.HIBERNATE_7 ? null : m[0].contains("length = 40") ? 40 : 255;
        assertEquals(m[2] + (binaryLength == null ? " ARRAY" : " ARRAY(" + binaryLength + ")"), v.type().toString());
        assertEquals(!m[1].endsWith("not null"), v.nullable());
        assertTrue(HibernateBoot.snapshot(sample).tablesNamed("Sample").get(0).checks().isEmpty(),
                "an array has no check, not even of an enum's values");
    }

    /** The Java types that stay what they were: strings and binaries, not arrays. */
    @ParameterizedTest
    @ValueSource(strings = {"byte[] v;|v bytea|VARBINARY(255)", "char[] v;|v varchar(255)|VARCHAR(255)"})
    void bytesAndCharactersAreNoArrays(String c) {
        String[] m = c.split("\\|");
        JavaFileObject sample = HibernateBoot.source("Sample", "@Entity public class Sample { @Id Long id;",
                "  " + m[0] + " }");
        assertTrue(HibernateBoot.ddl(List.of("test.Sample"), sample).contains(m[1] + ","));
        assertEquals(m[2], column(sample).type().toString());
    }

    /** Hibernate makes {@code @Lob String[]} an array of large objects ({@code oid array}): refused, saying so. */
    @Test
    void aLobArrayIsRefused() {
        JavaFileObject sample = HibernateBoot.source("Sample", "@Entity public class Sample { @Id Long id;",
                "  @Lob String[] v; }");
        assertTrue(HibernateBoot.ddl(List.of("test.Sample"), sample).contains("v oid array"));
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(sample);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@Lob on a basic array (Sample.v) is not supported");
    }

    /**
     * A collection of a type that is no basic one, without its association annotation ({@code List<Shelf>}
     * forgetting {@code @OneToMany}), or an array of arrays: Hibernate refuses both at start-up; the processor names
     * the attribute's whole type.
     */
    @ParameterizedTest
    @ValueSource(strings = {"java.util.List<Shelf> v;|java.util.List<test.Shelf>",
        "String[][] v;|java.lang.String[][]"})
    void anArrayOfNoBasicTypeIsRefusedNamingItsType(String c) {
        String[] m = c.split("\\|");
        JavaFileObject shelf = HibernateBoot.source("Shelf", "@Entity public class Shelf { @Id Long id; }");
        JavaFileObject sample = HibernateBoot.source("Sample", "@Entity public class Sample { @Id Long id;",
                "  " + m[0] + " }");
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class,
                () -> HibernateBoot.ddl(List.of("test.Sample", "test.Shelf"), shelf, sample));
        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor())
                .compile(shelf, sample);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("No column type is known for " + m[1] + " (attribute Sample.v)")
                .inFile(sample).onLineContaining(m[0]);
    }

    private static Column column(JavaFileObject sample) {
        return HibernateBoot.snapshot(sample).tablesNamed("Sample").get(0).columns().stream()
                .filter(x -> x.name().equals("v")).findFirst().orElseThrow();
    }
}
