package io.github.entitymigrations.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Check expressions' double-quoted column names as MariaDB and MySQL need them: in backticks. */
class MariaDbIdentifiersTest {

    /** The table's columns, by any case of their names, as {@code MariaDbNames.columnNamed} answers. */
    private static final UnaryOperator<String> COLUMNS = name -> Map.of("kind", "kind", "seats", "seats",
            "cargoclass", "cargoClass", "we\"ird", "we\"ird").get(name.toLowerCase(java.util.Locale.ROOT));

    @Test
    void quotedColumnNamesGoInBackticks() {
        assertEquals("`kind` <> 1 or (`seats` is not null)",
                MariaDbIdentifiers.columnsInBackticks("\"kind\" <> 1 or (\"seats\" is not null)", COLUMNS));
        assertEquals("`cargoClass` is not null", MariaDbIdentifiers.columnsInBackticks("\"CARGOCLASS\" is not null",
                COLUMNS), "named as the column is defined");
        assertEquals("`we\"ird` > 0", MariaDbIdentifiers.columnsInBackticks("\"we\"\"ird\" > 0", COLUMNS),
                "a doubled quote inside the name");
    }

    @Test
    void literalsAndOtherQuotedTextStayAsWritten() {
        String plain = "kind <> 1 or (seats is not null)";
        assertSame(plain, MariaDbIdentifiers.columnsInBackticks(plain, COLUMNS));
        assertEquals("status <> \"closed\"", MariaDbIdentifiers.columnsInBackticks("status <> \"closed\"", COLUMNS),
                "a double-quoted text naming no column is a literal written for MariaDB");
        assertEquals("`kind` <> '\"seats\"' and note <> 'it''s \"kind\"' and x <> 'a\\' \"kind\"'",
                MariaDbIdentifiers.columnsInBackticks("\"kind\" <> '\"seats\"' and note <> 'it''s \"kind\"' and "
                        + "x <> 'a\\' \"kind\"'", COLUMNS), "inside string literals nothing changes");
        assertEquals("`seats` > 0 and `\"kind\"` > 0",
                MariaDbIdentifiers.columnsInBackticks("\"seats\" > 0 and `\"kind\"` > 0", COLUMNS),
                "nor inside backticks");
        assertEquals("\"kind", MariaDbIdentifiers.columnsInBackticks("\"kind", COLUMNS), "an unclosed quote");
        assertEquals("\"\" = ''", MariaDbIdentifiers.columnsInBackticks("\"\" = ''", COLUMNS), "an empty one");
    }
}
