package io.github.entitymigrations.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Schema;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Lob} beside {@code @Convert}: the converted value is the large object (a converter to {@code String} a
 * CLOB, to {@code byte[]} a BLOB), as Apache Syncope stores its JSON configurations. The snapshot gave the converted
 * type's plain column ({@code varchar(255)}), too short for them. Compared with the Hibernate on the class path; the
 * fixtures' {@code Delegation} round-trips the CLOB on every database (a BLOB read back through Hibernate is not
 * supported by the SQLite driver, so it is here only).
 */
class LobThroughConverterReferenceTest {

    private static final JavaFileObject CONFIG = HibernateBoot.source("Config",
            "@Entity public class Config {",
            "  @Id Long id;",
            "  @Convert(converter = TextConverter.class) @Lob java.util.List<String> json;",
            "  @Convert(converter = BytesConverter.class) @Lob java.util.List<String> packed;",
            "  @Convert(converter = TextConverter.class) java.util.List<String> plain;",
            "}",
            "class TextConverter implements AttributeConverter<java.util.List<String>, String> {",
            "  public String convertToDatabaseColumn(java.util.List<String> v) { return String.join(\",\", v); }",
            "  public java.util.List<String> convertToEntityAttribute(String v) { return java.util.List.of(v); }",
            "}",
            "class BytesConverter implements AttributeConverter<java.util.List<String>, byte[]> {",
            "  public byte[] convertToDatabaseColumn(java.util.List<String> v) { return new byte[0]; }",
            "  public java.util.List<String> convertToEntityAttribute(byte[] v) { return java.util.List.of(); }",
            "}");

    @Test
    void theConvertedValueIsTheLargeObjectAsInHibernate() {
        NormalizedSchema hibernate = HibernateBoot.read(List.of("test.Config"), CONFIG);
        Schema snapshot = HibernateBoot.snapshot(CONFIG);

        List<Column> columns = snapshot.tablesNamed("Config").get(0).columns();
        assertEquals(List.of("id BIGINT", "json CLOB", "packed BLOB", "plain VARCHAR"),
                columns.stream().map(c -> c.name() + " " + c.type().name()).toList());
        assertEquals(List.of(), hibernate.differences(SnapshotSchemaReader.normalize(snapshot)), hibernate.dump());
    }
}
