package io.github.entitymigrations.hibernate;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Currency;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import org.hibernate.mapping.Column;
import org.hibernate.type.SqlTypes;

/**
 * One sensible value for a mapped basic type: small enough for its column (length, precision and scale),
 * non-negative (the fixtures' {@code @Min(0)} checks), the first constant of an enum (ORDINAL checks), and
 * unique across the whole run, since several fixture columns are unique and single-table subclasses share them.
 */
final class FixtureValues {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 17);
    private static final LocalTime TIME = LocalTime.of(9, 30);

    private int counter;

    /**
     * @param type     the attribute's Java type (the domain type, before any converter)
     * @param sqlType  the JDBC type code Hibernate maps it to ({@link Types}), which tells a
     *                 {@code java.util.Date} mapped as DATE from one mapped as TIME or TIMESTAMP
     * @param column   the column, for its length, precision and scale, or {@code null}
     * @param nationalized whether the attribute is {@code @Nationalized} (Unicode text)
     */
    Object of(Class<?> type, int sqlType, Column column, boolean nationalized) {
        int n = ++counter;
        if (type == String.class) {
            return sqlType == SqlTypes.JSON ? "{\"key\":\"v" + n + "\"}" : text(n, column, nationalized);
        }
        if (type == char.class || type == Character.class) {
            return (char) ('A' + n % 26);
        }
        if (type == boolean.class || type == Boolean.class) {
            return Boolean.TRUE;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            return record(type, column);
        }
        Object number = number(type, n, column);
        if (number != null) {
            return number;
        }
        Object temporal = temporal(type, sqlType, n);
        if (temporal != null) {
            return temporal;
        }
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(("fixture-" + n).getBytes());
        }
        if (type == byte[].class) {
            return new byte[] {1, 2, (byte) n};
        }
        if (type.isArray() && type != char[].class) { // a basic array: two elements
            Object array = java.lang.reflect.Array.newInstance(type.getComponentType(), 2);
            for (int i = 0; i < 2; i++) {
                java.lang.reflect.Array.set(array, i, of(type.getComponentType(), Types.OTHER, column, nationalized));
            }
            return array;
        }
        if (type == Duration.class) {
            return Duration.ofMinutes(90 + n);
        }
        Object textual = textual(type, n);
        if (textual != null) {
            return textual;
        }
        if (Map.class.isAssignableFrom(type)) {
            return Map.of("key", "value " + n); // a JSON object
        }
        if (type == java.util.List.class) {
            return java.util.List.of("item " + n, "item " + (n + 1)); // through an AttributeConverter
        }
        throw new IllegalArgumentException("no fixture value for " + type.getName() + " (JDBC type " + sqlType
                + "); add one to FixtureValues");
    }

    /** Values of the Java types Hibernate stores as text (a currency code, an offset, a locale, ...). */
    private static Object textual(Class<?> type, int n) {
        if (type == Currency.class) {
            return Currency.getInstance("EUR");
        }
        if (type == ZoneOffset.class) {
            return ZoneOffset.ofHoursMinutes(5, 30);
        }
        if (type == Locale.class) {
            return Locale.CANADA_FRENCH;
        }
        if (type == TimeZone.class) {
            return TimeZone.getTimeZone("Europe/Paris");
        }
        if (type == ZoneId.class) {
            return ZoneId.of("America/New_York");
        }
        if (type == Class.class) {
            return String.class;
        }
        if (type == URL.class) {
            try {
                return URI.create("https://example.org/" + n).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /**
     * A unique string within the column's length: a letter, then the counter in base 36; in a {@code @Nationalized}
     * column also a character outside Unicode's first plane (which MariaDB's {@code utf8}, 3 bytes a character, cannot
     * hold).
     */
    private static String text(int n, Column column, boolean nationalized) {
        String unique = "v" + Integer.toString(n, 36);
        long length = column == null || column.getLength() == null ? 255 : column.getLength();
        if (nationalized && length >= unique.length() + 8) {
            return unique + "-\uD83C\uDF0D-text"; // an emoji: a globe
        }
        if (length >= unique.length() + 6) {
            return unique + "-value";
        }
        return unique.substring(Math.max(0, unique.length() - (int) length));
    }

    private static Object number(Class<?> type, int n, Column column) {
        int small = n % 100 + 1;
        if (type == byte.class || type == Byte.class) {
            return (byte) small;
        }
        if (type == short.class || type == Short.class) {
            return (short) small;
        }
        if (type == int.class || type == Integer.class) {
            return small;
        }
        if (type == long.class || type == Long.class) {
            return (long) n;
        }
        if (type == float.class || type == Float.class) {
            return 1.5f;
        }
        if (type == double.class || type == Double.class) {
            return 2.25d;
        }
        if (type == BigInteger.class) {
            return BigInteger.valueOf(n);
        }
        if (type == BigDecimal.class) {
            // 1.25 fits every fixture column: numeric(5,4) allows one integer digit.
            int scale = column == null || column.getScale() == null ? 2 : column.getScale();
            return new BigDecimal("1.25").setScale(scale, RoundingMode.HALF_UP);
        }
        return null;
    }

    private static Object temporal(Class<?> type, int sqlType, int n) {
        LocalDateTime at = DAY.plusDays(n).atTime(TIME);
        if (type == LocalDate.class) {
            return DAY.plusDays(n);
        }
        if (type == LocalTime.class) {
            return TIME.plusMinutes(n);
        }
        if (type == LocalDateTime.class) {
            return at;
        }
        if (type == Instant.class) {
            return at.toInstant(ZoneOffset.UTC);
        }
        if (type == OffsetDateTime.class) {
            return at.atOffset(ZoneOffset.UTC);
        }
        if (type == ZonedDateTime.class) {
            return at.atZone(ZoneOffset.UTC);
        }
        if (type == OffsetTime.class) {
            return TIME.atOffset(ZoneOffset.UTC);
        }
        if (type == java.sql.Date.class || (type == Date.class && sqlType == Types.DATE)) {
            return java.sql.Date.valueOf(DAY.plusDays(n));
        }
        if (type == java.sql.Time.class || (type == Date.class && sqlType == Types.TIME)) {
            return java.sql.Time.valueOf(TIME);
        }
        if (type == java.sql.Timestamp.class || type == Date.class) {
            return java.sql.Timestamp.valueOf(at);
        }
        if (type == Calendar.class) {
            GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(at.toInstant(ZoneOffset.UTC).toEpochMilli());
            return calendar;
        }
        return null;
    }

    /** A record value type behind a converter (EmailAddress): its canonical constructor, each component filled. */
    private Object record(Class<?> type, Column column) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = of(types[i], Types.OTHER, column, false);
        }
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName() + ": " + e, e);
        }
    }
}
