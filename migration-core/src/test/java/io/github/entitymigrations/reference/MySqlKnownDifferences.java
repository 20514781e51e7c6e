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
    static final String TABLE_GENERATOR = "Hibernate's create script inserts the first row of a @TableGenerator table; "
            + "the snapshot does not hold the row, and Hibernate's TableGenerator inserts it on first use when missing";
    static final String MYSQL_COLUMN_CHECK = "Hibernate's MySQLDialect leaves out column checks (6.6 all of them, 7 an "
            + "ORDINAL enum's range; MySQL before 8.0.16 ignored them); MySQL 8.0.16+ enforces them, and they are "
            + "created as on MariaDB and PostgreSQL";

    private MySqlKnownDifferences() {
    }

    static final String CHAR = "Hibernate 7 writes varchar(n) for a CHAR column on MariaDB/MySQL, 6.6 char(n); a "
            + "migration does not know which Hibernate will read it and follows 6.6 (MariaDB and MySQL strip char's "
            + "padding when reading, so the values read are the same)";
    static final String LONG32 = "Hibernate 7 sizes LONG32VARCHAR by its length (text for 1000); 6.6 and we write "
            + "longtext, which holds at least as much";
    static final String UNIQUE_ORDER = "Hibernate 7.4's unique key over a Set element collection lists its columns in "
            + "its physical order, the snapshot in the mapping's; the same columns are unique either way";
    static final String CONVERTER = "Hibernate 7 runs an enum's AttributeConverter while it boots and checks the "
            + "column holds one of the results; the processor never runs application code (as on PostgreSQL)";

    static final String NATIONALIZED = "Hibernate 6.6's MySQLDialect writes @Nationalized text in character set "
            + "utf8, MySQL's 3-byte utf8mb3, which refuses characters beyond Unicode's first plane (emoji); ours, as "
            + "Hibernate 7's, in utf8mb4";

    static final String REVISION_NUMBER = "Envers numbers revisions with Hibernate's native generator: identity on "
            + "MariaDB/MySQL, the sequence REVINFO_SEQ elsewhere; one snapshot serves every database, so it has both";

    static Map<String, String> of(String target, String hibernateVersion) {
        boolean six = hibernateVersion.startsWith("6.");
        boolean mysql = target.startsWith("MYSQL");
        Map<String, String> known = new LinkedHashMap<>();
        for (String column : List.of("device_readings.humidity: float(%s)", "device_readings.temperature: float(%s) "
                + "not null", "measurements.total_tax: float(%s)")) {
            pair(known, column.formatted("23"), column.formatted("24"), FLOAT);
        }
        for (String row : six ? List.of("SupplyIdBlocks: (blockname, nextblock) values('buyers', 100)",
                "contract_ids: (sequence_name, next_val) values('contracts', 0)",
                "hibernate_sequences: (sequence_name, next_val) values('default', 0)",
                "quote_ids: (sequence_name, next_val) values('Quote', 0)",
                "supply_ids: (sequence_name, next_val) values('Carrier', 0)")
                : List.of("SupplyIdBlocks: (blockname, nextblock) values('buyers', 100)",
                "contract_ids: (sequence_name, next_val) values('contracts', 0)",
                "hibernate_sequences: (sequence_name, next_val) values('default', 0)",
                "quote_ids: (sequence_name, next_val) values('default', 0)",
                "supply_ids: (sequence_name, next_val) values('default', 0)")) {
            known.put("only Hibernate: sequence table " + row, TABLE_GENERATOR);
        }
        if (mysql && six) {
            pair(known, "countries.nativeName: varchar(120) character set utf8",
                    "countries.nativeName: varchar(120) character set utf8mb4", NATIONALIZED);
        }
        if (mysql) {
            for (String fact : List.of("column REVINFO_SEQ.next_val: bigint", "sequence table REVINFO_SEQ: values(1)",
                    "table REVINFO_SEQ", "table REVINFO_SEQ options: engine = innodb")) {
                known.put("only ours:      " + fact, REVISION_NUMBER);
            }
        } else {
            known.put("only ours:      sequence REVINFO_SEQ: start with 1 increment by 50 nocache", REVISION_NUMBER);
        }
        if (mysql) {
            // 6.6 leaves out every column check on MySQL, 7 only an ORDINAL enum's range.
            List<String> checks = six ? List.of("Employee_skills: level between 0 and 2",
                    "Resident: status between 0 and 1",
                    "SupplierRating: qualityscore between 1 and 100", "orders: status between 0 and 4",
                    "suppliers: creditlimit < 1000000", "suppliers: discountpercent between 0 and 100",
                    "support_tickets: priority between 0 and 3")
                    : List.of("Employee_skills: level between 0 and 2", "Resident: status between 0 and 1",
                    "orders: status between 0 and 4", "support_tickets: priority between 0 and 3");
            for (String check : checks) {
                known.put("only ours:      check " + check, MYSQL_COLUMN_CHECK);
            }
        }
        if (!six) {
            sevenOnly(known, hibernateVersion);
            if (!mysql) {
                known.put("only Hibernate: check reviews: rating in(1, 2, 3, 4, 5)", CONVERTER);
            }
        }
        return known;
    }

    private static void sevenOnly(Map<String, String> known, String hibernateVersion) {
        for (String column : List.of("device_readings.grade: %s(1)", "device_readings.unit: %s(1) not null",
                "measurements.grade: %s(1) not null", "persons.gender: %s(1) not null",
                "store_settings.grade: %s(1) not null", "store_settings.initial: %s(1)",
                "store_settings.legacyId: %s(36)", "store_settings.marker: %s(1)", "store_settings.padded: %s(3)")) {
            pair(known, column.formatted("varchar"), column.formatted("char"), CHAR);
        }
        pair(known, "legacy_texts.unlimitedSized: text", "legacy_texts.unlimitedSized: longtext", LONG32);
        if (hibernateVersion.startsWith("7.4")) {
            known.put("only Hibernate: unique Employee_skills *: (Employee_person_id, level, skill_name)", UNIQUE_ORDER);
            known.put("only ours:      unique Employee_skills uk_Employee_skills_Employee_person_id_skill_name_level: "
                    + "(Employee_person_id, skill_name, level)", UNIQUE_ORDER);
        }
    }

    private static void pair(Map<String, String> known, String hibernate, String ours, String reason) {
        known.put("only Hibernate: column " + hibernate, reason);
        known.put("only ours:      column " + ours, reason);
    }
}
