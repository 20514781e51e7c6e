package io.github.entitymigrations.dialect;

import static io.github.entitymigrations.dialect.PgModel.col;
import static io.github.entitymigrations.dialect.PgModel.table;
import static io.github.entitymigrations.dialect.PgScenario.named;
import static io.github.entitymigrations.dialect.PgTables.create;

import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.schema.ColumnType;
import io.github.entitymigrations.schema.Table;
import java.util.List;

/**
 * Every logical type: the type Hibernate 6.6 writes for PostgreSQL ({@code sql}) and how PostgreSQL then
 * reports the column ({@code format_type}, {@code reported}).
 */
final class PgTypeScenarios {

    /** One logical type, its column in {@link #TYPED}, its DDL type and PostgreSQL's name for the result. */
    record TypeCase(String column, ColumnType type, String definition, String sql, String reported, boolean runnable) {

        TypeCase(String column, ColumnType type, String sql, String reported) {
            this(column, type, null, sql, reported, true);
        }
    }

    static final List<TypeCase> CASES = List.of(
            new TypeCase("c_boolean", t("BOOLEAN"), "boolean", "boolean"),
            new TypeCase("c_bit", t("BIT"), "boolean", "boolean"),
            new TypeCase("c_tinyint", t("TINYINT"), "smallint", "smallint"),
            new TypeCase("c_smallint", t("SMALLINT"), "smallint", "smallint"),
            new TypeCase("c_integer", t("INTEGER"), "integer", "integer"),
            new TypeCase("c_bigint", t("BIGINT"), "bigint", "bigint"),
            new TypeCase("c_float24", new ColumnType("FLOAT", null, 24, null), "float4", "real"),
            new TypeCase("c_float53", new ColumnType("FLOAT", null, 53, null), "float(53)", "double precision"),
            new TypeCase("c_float", t("FLOAT"), "float(53)", "double precision"),
            new TypeCase("c_real", t("REAL"), "real", "real"),
            new TypeCase("c_double", t("DOUBLE"), "double precision", "double precision"),
            new TypeCase("c_numeric", ColumnType.numeric("NUMERIC", 10, 2), "numeric(10,2)", "numeric(10,2)"),
            new TypeCase("c_numeric_38", ColumnType.numeric("NUMERIC", 38, 0), "numeric(38,0)", "numeric(38,0)"),
            new TypeCase("c_decimal", ColumnType.numeric("DECIMAL", 12, 4), "decimal(12,4)", "numeric(12,4)"),
            new TypeCase("c_char", ColumnType.ofLength("CHAR", 1), "char(1)", "character(1)"),
            new TypeCase("c_nchar", ColumnType.ofLength("NCHAR", 3), "char(3)", "character(3)"),
            new TypeCase("c_varchar", ColumnType.ofLength("VARCHAR", 255), "varchar(255)", "character varying(255)"),
            new TypeCase("c_varchar_max", ColumnType.ofLength("VARCHAR", 10_485_760), "varchar(10485760)",
                    "character varying(10485760)"),
            new TypeCase("c_varchar_over", ColumnType.ofLength("VARCHAR", 10_485_761), "text", "text"),
            new TypeCase("c_nvarchar", ColumnType.ofLength("NVARCHAR", 40), "varchar(40)", "character varying(40)"),
            new TypeCase("c_longvarchar", ColumnType.ofLength("LONGVARCHAR", 1000), "varchar(1000)",
                    "character varying(1000)"),
            new TypeCase("c_long32varchar", t("LONG32VARCHAR"), "text", "text"),
            new TypeCase("c_long32nvarchar", t("LONG32NVARCHAR"), "text", "text"),
            new TypeCase("c_clob", t("CLOB"), "oid", "oid"),
            new TypeCase("c_nclob", t("NCLOB"), "oid", "oid"),
            new TypeCase("c_blob", t("BLOB"), "oid", "oid"),
            new TypeCase("c_binary", ColumnType.ofLength("BINARY", 16), "bytea", "bytea"),
            new TypeCase("c_varbinary", ColumnType.ofLength("VARBINARY", 255), "bytea", "bytea"),
            new TypeCase("c_longvarbinary", t("LONGVARBINARY"), "bytea", "bytea"),
            new TypeCase("c_long32varbinary", t("LONG32VARBINARY"), "bytea", "bytea"),
            new TypeCase("c_date", t("DATE"), "date", "date"),
            new TypeCase("c_time", t("TIME"), "time(6)", "time(6) without time zone"),
            new TypeCase("c_time_3", new ColumnType("TIME", null, 3, null), "time(3)", "time(3) without time zone"),
            new TypeCase("c_time_utc", t("TIME_UTC"), "time(6)", "time(6) without time zone"),
            new TypeCase("c_time_tz", t("TIME_WITH_TIMEZONE"), "time(6) with time zone", "time(6) with time zone"),
            new TypeCase("c_timestamp", t("TIMESTAMP"), "timestamp(6)", "timestamp(6) without time zone"),
            new TypeCase("c_timestamp_utc", t("TIMESTAMP_UTC"), "timestamp(6) with time zone",
                    "timestamp(6) with time zone"),
            new TypeCase("c_timestamp_tz", t("TIMESTAMP_WITH_TIMEZONE"), "timestamp(6) with time zone",
                    "timestamp(6) with time zone"),
            new TypeCase("c_interval", t("INTERVAL_SECOND"), "interval second(6)", "interval second(6)"),
            new TypeCase("c_uuid", t("UUID"), "uuid", "uuid"),
            new TypeCase("c_json", t("JSON"), "jsonb", "jsonb"),
            new TypeCase("c_inet", t("INET"), "inet", "inet"),
            new TypeCase("c_xml", t("SQLXML"), "xml", "xml"),
            new TypeCase("c_array", t("ARRAY"), "integer[]", "integer[]", "integer[]", true),
            new TypeCase("c_other", t("OTHER"), "varchar(20) collate \"C\"", "varchar(20) collate \"C\"",
                    "character varying(20)", true),
            new TypeCase("c_geometry", t("GEOMETRY"), null, "geometry", "geometry", false),
            new TypeCase("c_geography", t("GEOGRAPHY"), null, "geography", "geography", false));

    /** The table every type is added to. */
    static final Table TYPED = table("typed").id().build();

    private PgTypeScenarios() {
    }

    private static ColumnType t(String name) {
        return ColumnType.of(name);
    }

    static List<PgScenario> all() {
        return CASES.stream().map(c -> {
            PgScenario.Builder b = named("type " + c.type() + (c.definition() == null ? "" : " as " + c.definition()))
                    .given(create(TYPED))
                    .when(new AddColumn(null, "typed", col(c.column(), c.type()).definition(c.definition()).build()));
            return (c.runnable() ? b : b.goldenOnly()).expect("alter table typed add column " + c.column() + " " + c.sql());
        }).toList();
    }
}
