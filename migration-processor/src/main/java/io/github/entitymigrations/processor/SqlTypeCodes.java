package io.github.entitymigrations.processor;

import java.util.Map;

/**
 * The codes of {@code org.hibernate.type.SqlTypes} (and {@code java.sql.Types}) that
 * {@code @JdbcTypeCode} takes, by value, so Hibernate need not be on the processor path.
 */
final class SqlTypeCodes {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(-7, "BIT"), Map.entry(-6, "TINYINT"), Map.entry(5, "SMALLINT"), Map.entry(4, "INTEGER"),
            Map.entry(-5, "BIGINT"), Map.entry(6, "FLOAT"), Map.entry(7, "REAL"), Map.entry(8, "DOUBLE"),
            Map.entry(2, "NUMERIC"), Map.entry(3, "DECIMAL"), Map.entry(1, "CHAR"), Map.entry(12, "VARCHAR"),
            Map.entry(-1, "LONGVARCHAR"), Map.entry(4001, "LONG32VARCHAR"), Map.entry(91, "DATE"),
            Map.entry(92, "TIME"), Map.entry(93, "TIMESTAMP"), Map.entry(-2, "BINARY"), Map.entry(-3, "VARBINARY"),
            Map.entry(-4, "LONGVARBINARY"), Map.entry(4003, "LONG32VARBINARY"), Map.entry(2004, "BLOB"),
            Map.entry(2005, "CLOB"), Map.entry(16, "BOOLEAN"), Map.entry(-15, "NCHAR"), Map.entry(-9, "NVARCHAR"),
            Map.entry(-16, "LONGNVARCHAR"), Map.entry(4002, "LONG32NVARCHAR"), Map.entry(2011, "NCLOB"),
            Map.entry(2009, "SQLXML"), Map.entry(2013, "TIME_WITH_TIMEZONE"),
            Map.entry(2014, "TIMESTAMP_WITH_TIMEZONE"), Map.entry(3000, "UUID"), Map.entry(3001, "JSON"),
            Map.entry(3002, "INET"), Map.entry(3003, "TIMESTAMP_UTC"), Map.entry(3007, "TIME_UTC"),
            Map.entry(3100, "INTERVAL_SECOND"), Map.entry(2003, "ARRAY"), Map.entry(1111, "OTHER"),
            Map.entry(2000, "JAVA_OBJECT"), Map.entry(3200, "GEOMETRY"),
            Map.entry(3250, "GEOGRAPHY"),
            // Hibernate's own codes, each created as the type it stands for (MATERIALIZED_CLOB as a CLOB, INSTANT as
            // a timestamp without time zone, JSON_ARRAY as JSON, DURATION as Duration's numeric(21,0))
            Map.entry(3004, "BLOB"), Map.entry(3005, "CLOB"), Map.entry(3006, "NCLOB"), Map.entry(3008, "TIMESTAMP"),
            Map.entry(3009, "TIMESTAMP"), Map.entry(3010, "DATE"), Map.entry(3011, "TIME"),
            Map.entry(3012, "TIMESTAMP_WITH_TIMEZONE"), Map.entry(3013, "TIME_WITH_TIMEZONE"),
            Map.entry(3014, "TIMESTAMP_WITH_TIMEZONE"), Map.entry(3015, "DURATION"), Map.entry(3018, "JSON"),
            Map.entry(3019, "SQLXML"));

    /**
     * The other codes of {@code SqlTypes}, by name, for messages: their column depends on the dialect and its
     * extensions (a {@code VECTOR} is pgvector's, a {@code POINT} a byte string, {@code ROWID} no type at all).
     */
    private static final Map<Integer, String> UNMAPPED = Map.ofEntries(Map.entry(0, "NULL"),
            Map.entry(2001, "DISTINCT"), Map.entry(2002, "STRUCT"), Map.entry(4000, "TABLE"), Map.entry(2006, "REF"),
            Map.entry(70, "DATALINK"), Map.entry(-8, "ROWID"), Map.entry(2012, "REF_CURSOR"),
            Map.entry(3016, "STRUCT_ARRAY"), Map.entry(3017, "STRUCT_TABLE"), Map.entry(3201, "POINT"),
            Map.entry(10000, "VECTOR"), Map.entry(10001, "VECTOR_INT8"), Map.entry(10002, "VECTOR_FLOAT32"),
            Map.entry(10003, "VECTOR_FLOAT64"), Map.entry(10004, "VECTOR_BINARY"), Map.entry(10005, "VECTOR_FLOAT16"),
            Map.entry(10006, "SPARSE_VECTOR_INT8"), Map.entry(10007, "SPARSE_VECTOR_FLOAT32"),
            Map.entry(10008, "SPARSE_VECTOR_FLOAT64"));

    private SqlTypeCodes() {
    }

    static String name(int code) {
        return NAMES.get(code);
    }

    /** A code {@link #name} and {@link #enumCode} do not map, as {@code SqlTypes.VECTOR} or the number. */
    static String unmapped(int code) {
        String name = UNMAPPED.get(code);
        return name != null ? "SqlTypes." + name : String.valueOf(code);
    }

    /**
     * {@code SqlTypes.ENUM}, {@code NAMED_ENUM}, {@code ORDINAL_ENUM} and {@code NAMED_ORDINAL_ENUM}, by name: an enum
     * type of the database's own (PostgreSQL's {@code create type ... as enum}), not modelled yet; else {@code null}.
     */
    static String enumCode(int code) {
        return switch (code) {
            case 6000 -> "ENUM";
            case 6001 -> "NAMED_ENUM";
            case 6002 -> "ORDINAL_ENUM";
            case 6003 -> "NAMED_ORDINAL_ENUM";
            default -> null;
        };
    }
}
