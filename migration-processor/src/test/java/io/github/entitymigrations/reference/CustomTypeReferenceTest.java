package io.github.entitymigrations.reference;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.github.entitymigrations.processor.EntityMigrationsProcessor;
import io.github.entitymigrations.schema.Column;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hibernate's {@code @Type} with a {@code UserType}: the column's type is what the user type's {@code getSqlType()}
 * returns when Hibernate starts, which the processor cannot run, and the attribute's Java type alone gives another
 * column (a {@code String} through a CLOB user type is a CLOB in Hibernate's DDL, not a {@code varchar(255)}). The
 * processor refused nothing and wrote the {@code varchar}; it now asks for the type, and with
 * {@code columnDefinition} both agree. The same for {@code @JdbcType}, and for {@code @JdbcTypeCode} naming an enum
 * type of the database's own ({@code SqlTypes.NAMED_ENUM}: PostgreSQL's {@code create type ... as enum}), where the
 * processor wrote a {@code varchar} (or, for an ordinal enum, a {@code tinyint}) with a check.
 */
class CustomTypeReferenceTest {

    private static final JavaFileObject CLOB_TYPE = JavaFileObjects.forSourceLines("test.ClobText",
            "package test;",
            "import java.io.Serializable; import java.sql.*;",
            "import org.hibernate.engine.spi.SharedSessionContractImplementor; import org.hibernate.usertype.UserType;",
            "public class ClobText implements UserType<String> {",
            "  public int getSqlType() { return Types.CLOB; }",
            "  public Class<String> returnedClass() { return String.class; }",
            "  public boolean equals(String a, String b) { return java.util.Objects.equals(a, b); }",
            "  public int hashCode(String a) { return java.util.Objects.hashCode(a); }",
            "  public String nullSafeGet(ResultSet rs, int i, SharedSessionContractImplementor s, Object o)",
            "      throws SQLException { return rs.getString(i); }",
            "  public void nullSafeSet(PreparedStatement st, String v, int i, SharedSessionContractImplementor s)",
            "      throws SQLException { st.setString(i, v); }",
            "  public String deepCopy(String v) { return v; }",
            "  public boolean isMutable() { return false; }",
            "  public Serializable disassemble(String v) { return v; }",
            "  public String assemble(Serializable c, Object o) { return (String) c; }",
            "}");

    private static final String PG_ENUM = inHibernate("org.hibernate.dialect.type.PostgreSQLEnumJdbcType")
            ? "org.hibernate.dialect.type.PostgreSQLEnumJdbcType" : "org.hibernate.dialect.PostgreSQLEnumJdbcType";

    private static boolean inHibernate(String className) {
        try {
            Class.forName(className, false, CustomTypeReferenceTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static JavaFileObject note(String column) {
        return HibernateBoot.source("Note", "@Entity public class Note { @Id Long id;",
                "  @org.hibernate.annotations.Type(ClobText.class) " + column + " String body; }");
    }

    @Test
    void aUserTypesColumnIsAskedForNotGuessedFromTheJavaType() {
        JavaFileObject note = note("");
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Note"), CLOB_TYPE, note);
        assertTrue(hibernate.dump().contains("column body: CLOB"), hibernate.dump());

        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor())
                .compile(CLOB_TYPE, note);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("Note.body has Hibernate's @Type(test.ClobText)")
                .inFile(note).onLineContaining("@org.hibernate.annotations.Type");
        assertThat(compilation).hadErrorContaining("@Column(columnDefinition = \"...\")");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "@Enumerated(EnumType.STRING) @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM)"
            + " Status status;|status Status|@JdbcTypeCode(SqlTypes.NAMED_ENUM) on Ticket.status is not supported",
        "@org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM) Status status;|status Status"
            + "|@JdbcTypeCode(SqlTypes.NAMED_ENUM) on Ticket.status is not supported",
        "@Enumerated(EnumType.STRING) @org.hibernate.annotations.JdbcType(PG_ENUM.class) Status status;"
            + "|status Status|Ticket.status has Hibernate's @JdbcType(PG_ENUM)",
        "@org.hibernate.annotations.JdbcType(org.hibernate.type.descriptor.jdbc.LongVarcharJdbcType.class) String text;"
            + "|text varchar(32600)|Ticket.text has Hibernate's @JdbcType"})
    void aJdbcTypeOrAnEnumTypeCodeIsAskedForNotGuessed(String c) {
        // PostgreSQL's enum JdbcType moved to org.hibernate.dialect.type in Hibernate 7.
        String[] m = c.replace("PG_ENUM", PG_ENUM).split("\\|");
        JavaFileObject ticket = HibernateBoot.source("Ticket",
                "@Entity public class Ticket { @Id Long id; public enum Status { OPEN, CLOSED }", "  " + m[0] + " }");
        String ddl = HibernateBoot.ddl(List.of("test.Ticket"), ticket);
        assertTrue(ddl.contains(m[1]), ddl);

        Compilation compilation = Compiler.javac().withProcessors(new EntityMigrationsProcessor()).compile(ticket);
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(m[2]);
        assertThat(compilation).hadErrorContaining("@Column(columnDefinition = \"...\")");
    }

    /** Both create the column of the definition given (Hibernate's validate then compares it by that name). */
    @Test
    void withItsColumnDefinitionBothCreateIt() {
        JavaFileObject note = note("@Column(columnDefinition = \"text\")");
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Note"), CLOB_TYPE, note);
        assertTrue(hibernate.dump().contains("column body: CLOB null columnDefinition 'text'"), hibernate.dump());

        Column body = HibernateBoot.snapshot(CLOB_TYPE, note).tablesNamed("Note").get(0).columns().stream()
                .filter(c -> c.name().equals("body")).findFirst().orElseThrow();
        assertEquals("text", body.columnDefinition());
        assertTrue(body.nullable());
    }
}
