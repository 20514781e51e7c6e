package io.github.entitymigrations.processor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.ColumnType;
import org.junit.jupiter.api.Test;

/** The type names migration files may use include every one the processor can write. */
class TypeNamesTest {

    @Test
    void everyTypeCodeTheProcessorMapsIsAKnownName() {
        // what the snapshot gets for the code's name (DURATION, Hibernate's own code, is written as numeric(21,0))
        for (int code = -20; code <= 11_000; code++) {
            String name = SqlTypeCodes.name(code);
            assertTrue(name == null || ColumnType.NAMES.contains(BasicTypes.sized(name, null, false, null).type()
                    .name()), name);
        }
    }

    @Test
    void everyTypeABasicValueGetsIsAKnownName() {
        for (String name : new String[] {"VARCHAR", "NVARCHAR", "VARBINARY", "CHAR", "NCHAR", "NUMERIC", "DECIMAL",
            "DURATION", "BIGINTEGER", "FLOAT", "DOUBLE", "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "DATE",
            "TIME", "TIMESTAMP", "TIMESTAMP_UTC", "TIME_UTC", "UUID", "BLOB", "CLOB", "NCLOB", "OTHER"}) {
            String written = BasicTypes.sized(name, null, false, null).type().name();
            assertTrue(ColumnType.NAMES.contains(written), written);
        }
    }
}
