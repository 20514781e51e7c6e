package io.github.entitymigrations.reference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The differences between Hibernate's MariaDB/MySQL create script and {@code MariaDbDialect}'s for the fixtures that
 * are accepted, each exact fact with its reason (README, "Known differences from Hibernate"), by target and Hibernate
 * version. A difference belongs here only when matching Hibernate is wrong or makes no difference in the database.
 */
final class MySqlKnownDifferences {

    static final String FLOAT = "Hibernate writes float(23) (MySQLDialect.getFloatPrecision) where the snapshot says "
            + "FLOAT(24), the single-precision default of the other dialects; MariaDB and MySQL store both as the same "
            + "4-byte float";
    static final String LOB = "Hibernate 6.6 gives a @Lob String without a length tinytext (255 bytes), which refuses "
            + "any longer text; a large object is longtext here, which hbm2ddl.auto=validate accepts";
    static final String TABLE_GENERATOR = "Hibernate's create script inserts the first row of a @TableGenerator table; "
            + "the snapshot does not hold the row, and Hibernate's TableGenerator inserts it on first use when missing";
    static final String MYSQL_COLUMN_CHECK = "Hibernate's MySQLDialect writes no column-level checks (MySQL before "
            + "8.0.16 ignored them); MySQL 8.0.16+ enforces them, and they are created as on MariaDB and PostgreSQL";

    private MySqlKnownDifferences() {
    }

    static Map<String, String> of(String target, String hibernateVersion) {
        Map<String, String> known = new LinkedHashMap<>();
        for (String column : List.of("device_readings.humidity: float(%s)", "device_readings.temperature: float(%s) "
                + "not null", "measurements.total_tax: float(%s)")) {
            pair(known, column.formatted("23"), column.formatted("24"), FLOAT);
        }
        if (hibernateVersion.startsWith("6.")) {
            for (String column : List.of("Document.body: %s not null", "customer_notes.text: %s not null")) {
                pair(known, column.formatted("tinytext"), column.formatted("longtext"), LOB);
            }
        }
        for (String row : List.of("SupplyIdBlocks: (blockname, nextblock) values('buyers', 100)",
                "contract_ids: (sequence_name, next_val) values('contracts', 0)",
                "hibernate_sequences: (sequence_name, next_val) values('default', 0)",
                "quote_ids: (sequence_name, next_val) values('Quote', 0)",
                "supply_ids: (sequence_name, next_val) values('Carrier', 0)")) {
            known.put("only Hibernate: sequence table " + row, TABLE_GENERATOR);
        }
        if (target.startsWith("MYSQL")) {
            for (String check : List.of("Employee_skills: level between 0 and 2",
                    "SupplierRating: qualityscore between 1 and 100", "orders: status between 0 and 4",
                    "suppliers: creditlimit < 1000000", "suppliers: discountpercent between 0 and 100",
                    "support_tickets: priority between 0 and 3")) {
                known.put("only ours:      check " + check, MYSQL_COLUMN_CHECK);
            }
        }
        return known;
    }

    private static void pair(Map<String, String> known, String hibernate, String ours, String reason) {
        known.put("only Hibernate: column " + hibernate, reason);
        known.put("only ours:      column " + ours, reason);
    }
}
