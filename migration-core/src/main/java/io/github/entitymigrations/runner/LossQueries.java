package io.github.entitymigrations.runner;

import io.github.entitymigrations.schema.ColumnType;
import java.math.BigDecimal;
import java.util.List;

/**
 * The condition, on one column, that picks the values a type change would not keep: longer than the new
 * length, outside the new integer range, too large for the new precision, or changed by rounding to fewer
 * decimals (or to a whole number), or a number other than 0 and 1 becoming a boolean. Other changes to
 * another kind of type are not counted: each value converts as it is (text {@code '1815'} to 1815) or the
 * migration fails and rolls back, which loses nothing. Written so the same SQL runs on PostgreSQL and SQLite;
 * MariaDB and MySQL spell the casts their own way ({@code char}, {@code decimal}) and count characters with
 * {@code char_length} ({@code length} counts bytes there).
 */
final class LossQueries {

    private static final List<String> INTEGERS = List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT");
    private static final List<String> NUMBERS = List.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "NUMERIC",
            "DECIMAL", "REAL", "DOUBLE", "FLOAT");
    private static final long[][] RANGES = {{-128, 127}, {-32768, 32767}, {Integer.MIN_VALUE, Integer.MAX_VALUE},
        {Long.MIN_VALUE, Long.MAX_VALUE}};

    /** A condition and how the values it finds are described, after their count ("value(s) longer than 40"). */
    record Lost(String condition, String what) {
    }

    private LossQueries() {
    }

    /** What a change of {@code column} from type {@code from} to {@code to} does not keep, or {@code null}. */
    static Lost narrowing(String column, ColumnType from, ColumnType to) {
        return narrowing(column, from, to, false);
    }

    /** As {@link #narrowing(String, ColumnType, ColumnType)}, in MariaDB's and MySQL's SQL when {@code mariaDb}. */
    static Lost narrowing(String column, ColumnType from, ColumnType to, boolean mariaDb) {
        String text = "cast(" + column + (mariaDb ? " as char)" : " as text)");
        if (to.name().endsWith("CHAR") && to.length() != null) {
            return new Lost((mariaDb ? "char_length(" : "length(") + text + ") > " + to.length(),
                    "value(s) longer than " + to.length());
        }
        boolean fromNumber = NUMBERS.contains(from.name());
        int integer = INTEGERS.indexOf(to.name());
        if (fromNumber && integer >= 0) {
            long[] range = RANGES[integer];
            String outside = column + " < " + range[0] + " or " + column + " > " + range[1];
            return new Lost(INTEGERS.contains(from.name()) ? outside : outside + " or " + whole(column, 0, mariaDb),
                    "value(s) outside " + to.name() + (INTEGERS.contains(from.name()) ? "" : " or not whole"));
        }
        if (fromNumber && (to.name().equals("NUMERIC") || to.name().equals("DECIMAL")) && to.precision() != null) {
            int scale = to.scale() == null ? 0 : to.scale();
            String limit = BigDecimal.TEN.pow(to.precision() - scale).toPlainString();
            return new Lost("abs(" + column + ") >= " + limit + " or " + whole(column, scale, mariaDb),
                    "value(s) too large for " + to + " or rounded by it");
        }
        if (fromNumber && to.name().equals("BOOLEAN")) {
            return new Lost(column + " not in (0, 1)", "value(s) other than 0 and 1");
        }
        return null;
    }

    /** Values that rounding to {@code scale} decimals changes; numeric on both databases (PostgreSQL has no round(double, int)). */
    private static String whole(String column, int scale, boolean mariaDb) {
        String exact = "cast(" + column + (mariaDb ? " as decimal(65, 30))" : " as numeric)");
        return exact + " <> round(" + exact + ", " + scale + ")";
    }
}
