package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The column type Hibernate 6.6 gives a basic value, from its Java type and mapping annotations
 * ({@code @Lob}, {@code @Temporal}, {@code @Enumerated}, {@code @Convert}, {@code @JdbcTypeCode},
 * {@code @Nationalized}).
 */
final class BasicTypes {

    /** Hibernate's defaults when a mapping sets no size. */
    static final int DEFAULT_LENGTH = 255;
    /** Hibernate's default length of the "long" types LONGVARCHAR and LONGVARBINARY ({@code Length.LONG}). */
    static final int LONG_LENGTH = 32_600;
    static final int DEFAULT_PRECISION = 38;
    static final int DEFAULT_SCALE = 2;

    /**
     * A basic value's column type; {@code enumValues} is set for enums mapped without a converter.
     */
    record Mapping(ColumnType type, List<String> enumValues, boolean ordinal) {
    }

    private final Types types;
    private final Map<String, TypeMirror> autoApplyConverters;
    private final HibernateVersion hibernate;
    /** Each enum's constant names, read once: many attributes share an enum. */
    private final Map<TypeElement, List<String>> enumConstants = new java.util.IdentityHashMap<>();

    BasicTypes(Types types, Map<String, TypeMirror> autoApplyConverters, HibernateVersion hibernate) {
        this.types = types;
        this.autoApplyConverters = autoApplyConverters;
        this.hibernate = hibernate;
    }

    /**
     * @param type    the value's Java type
     * @param source  where the mapping annotations are (the attribute's field or getter)
     * @param column  the effective {@code @Column} (after overrides), or {@code null}
     * @param what    the attribute, for messages (its {@code toString()} is made only for one)
     * @param keyOfMap read {@code @MapKeyEnumerated}/{@code @MapKeyTemporal} instead of the value ones
     */
    Mapping map(TypeMirror type, Element source, Ann column, Object what, boolean keyOfMap) {
        return withTimePrecision(mapType(type, source, column, what, keyOfMap, false));
    }

    private Mapping withTimePrecision(Mapping mapping) {
        ColumnType t = mapping.type();
        // Hibernate 7 creates time columns with whole seconds, time(0), where 6.6 kept microseconds.
        if (hibernate.atLeast(HibernateVersion.V7_2) && (t.name().equals("TIME") || t.name().equals("TIME_UTC")
                || t.name().equals("TIME_WITH_TIMEZONE")) && t.precision() == null) {
            return new Mapping(new ColumnType(t.name(), t.length(), 0, t.scale()), mapping.enumValues(),
                    mapping.ordinal());
        }
        return mapping;
    }

    /** {@code ofArray}: the type is a basic array's element, to which the array's {@code @JdbcTypeCode} is not. */
    private Mapping mapType(TypeMirror type, Element source, Ann column, Object what, boolean keyOfMap,
            boolean ofArray) {
        boolean defined = column != null && !column.string("columnDefinition").isEmpty();
        // @Type's UserType and @JdbcType's JdbcType decide the column's type when Hibernate starts: not readable here.
        Ann customType = keyOfMap || defined ? null : Ann.named(source, "org.hibernate.annotations.Type");
        if (customType != null) {
            throw new MappingException(source, Message.CUSTOM_TYPE, what, "@Type", customType.type("value"),
                    "UserType's getSqlType()");
        }
        Ann jdbcType = keyOfMap || defined ? null : Ann.named(source, "org.hibernate.annotations.JdbcType");
        if (jdbcType != null) {
            throw new MappingException(source, Message.CUSTOM_TYPE, what, "@JdbcType", jdbcType.type("value"),
                    "JdbcType (a @JdbcTypeCode naming the same SqlTypes code is read)");
        }
        Ann jdbcTypeCode = keyOfMap || ofArray ? null : Ann.named(source, "org.hibernate.annotations.JdbcTypeCode");
        if (jdbcTypeCode != null) {
            int code = jdbcTypeCode.integer("value");
            String name = SqlTypeCodes.name(code);
            TypeMirror coded = name != null && name.equals(ColumnType.ARRAY) && !defined ? arrayElement(type) : null;
            if (coded != null) {
                return array(type, coded, source, column, what);
            }
            if (name != null) {
                return sized(name, column, false, type);
            }
            String enumCode = SqlTypeCodes.enumCode(code);
            if (enumCode != null && !defined) {
                // A database enum type of its own (PostgreSQL), which a migration does not create yet.
                throw new MappingException(source, Message.UNSUPPORTED_TYPE_CODE, enumCode, what);
            }
            if (enumCode == null && !defined) {
                throw new MappingException(source, Message.UNMAPPED_TYPE_CODE, SqlTypeCodes.unmapped(code), what);
            }
        }
        TypeMirror converted = keyOfMap ? null : convertedType(type, source);
        if (converted != null) {
            // @Lob beside a converter makes the converted value a large object (a JSON text: a CLOB).
            if (Ann.hasJpa(source, "Lob")) {
                return sized(isCharacterData(converted) ? clob(source) : "BLOB", column, false, converted);
            }
            return map(converted, null, column, what, false);
        }
        TypeMirror arrayOf = keyOfMap || defined || ofArray ? null : arrayElement(type);
        if (arrayOf != null) {
            if (Ann.hasJpa(source, "Lob")) {
                throw new MappingException(source, Message.UNSUPPORTED, "@Lob on a basic array (" + what + ")",
                        "Hibernate stores it as an array of large objects (oid array on PostgreSQL); remove @Lob, "
                        + "or give the type with @Column(columnDefinition = \"...\")");
            }
            return array(type, arrayOf, source, column, what);
        }
        if (!keyOfMap && Ann.hasJpa(source, "Lob")) {
            return sized(isCharacterData(type) ? clob(source) : "BLOB", column, false, type);
        }
        boolean nationalized = !keyOfMap && Ann.named(source, "org.hibernate.annotations.Nationalized") != null;
        if (type.getKind().isPrimitive()) {
            return sized(primitive(type.getKind()), column, nationalized, type);
        }
        if (type instanceof ArrayType array) {
            TypeMirror c = array.getComponentType();
            String name = c.getKind() == TypeKind.BYTE || isNamed(c, "java.lang.Byte") ? "VARBINARY"
                    : c.getKind() == TypeKind.CHAR || isNamed(c, "java.lang.Character") ? "VARCHAR" : null;
            if (name != null) {
                return sized(name, column, nationalized, type);
            }
        }
        if (type instanceof DeclaredType declared) {
            TypeElement element = (TypeElement) declared.asElement();
            if (element.getKind() == ElementKind.ENUM) {
                return enumMapping(element, source, column, keyOfMap);
            }
            String qualified = Ann.qualifiedNameOf(element);
            String name = byClassName(qualified, source, keyOfMap);
            if (name != null) {
                return sized(name, column, nationalized, type);
            }
        }
        if (column != null && !column.string("columnDefinition").isEmpty()) {
            return new Mapping(ColumnType.of("OTHER"), null, false);
        }
        throw new MappingException(source, Message.UNKNOWN_TYPE, type, what);
    }

    /**
     * The element type of a basic array, as Hibernate 6.6 and 7 map one without {@code @ElementCollection}: a Java
     * array other than of bytes and characters (those are binary and character strings), or a {@code List},
     * {@code Set}, {@code SortedSet} or {@code Collection} of one type; {@code null} for another type.
     */
    private static TypeMirror arrayElement(TypeMirror type) {
        if (type instanceof ArrayType array) {
            TypeMirror c = array.getComponentType();
            boolean string = c.getKind() == TypeKind.BYTE || c.getKind() == TypeKind.CHAR
                    || isNamed(c, "java.lang.Byte") || isNamed(c, "java.lang.Character");
            return string ? null : c;
        }
        if (type instanceof DeclaredType declared && declared.getTypeArguments().size() == 1) {
            String name = Ann.qualifiedNameOf((TypeElement) declared.asElement());
            boolean collection = name.equals("java.util.List") || name.equals("java.util.Set")
                    || name.equals("java.util.SortedSet") || name.equals("java.util.Collection");
            TypeMirror element = declared.getTypeArguments().get(0);
            return collection && element.getKind() == TypeKind.DECLARED ? element : null;
        }
        return null;
    }

    /**
     * A basic array of {@code element}: the element's type as a column of its own would have it, with the
     * attribute's {@code @Column} sizes and {@code @Enumerated}, but no check; Hibernate 6.6 stores it as a
     * varbinary of the column's length where a database has no arrays, Hibernate 7 as json.
     */
    private Mapping array(TypeMirror type, TypeMirror element, Element source, Ann column, Object what) {
        ColumnType elementType;
        try {
            elementType = withTimePrecision(mapType(element, source, column, what, false, true)).type();
        } catch (MappingException e) {
            // an element of no basic type (a List<Book> without @OneToMany): the attribute's type has none
            throw new MappingException(source, Message.UNKNOWN_TYPE, type, what);
        }
        Integer binaryLength = hibernate.atLeast(HibernateVersion.V7_2) ? null
                : column == null ? DEFAULT_LENGTH : column.integer("length");
        return new Mapping(ColumnType.arrayOf(elementType, binaryLength), null, false);
    }

    private Mapping enumMapping(TypeElement enumType, Element source, Ann column, boolean keyOfMap) {
        List<String> constants = enumConstants.get(enumType);
        if (constants == null) {
            List<String> read = new ArrayList<>();
            for (Element e : enumType.getEnclosedElements()) {
                if (e.getKind() == ElementKind.ENUM_CONSTANT) {
                    read.add(e.getSimpleName().toString());
                }
            }
            constants = List.copyOf(read);
            enumConstants.put(enumType, constants);
        }
        Ann enumerated = Ann.jpa(source, keyOfMap ? "MapKeyEnumerated" : "Enumerated");
        boolean ordinal = enumerated == null || enumerated.enumName("value").equals("ORDINAL");
        if (ordinal) {
            String name = constants.size() <= 128 ? "TINYINT" : constants.size() <= 32768 ? "SMALLINT" : "INTEGER";
            return new Mapping(ColumnType.of(name), constants, true);
        }
        // Hibernate's EnumJavaType: CHAR when the column's length is exactly 1, whatever the constants.
        boolean oneCharacter = column != null && column.integer("length") == 1;
        return new Mapping(sized(oneCharacter ? "CHAR" : "VARCHAR", column, false, enumType.asType()).type(),
                constants, false);
    }

    private String byClassName(String qualified, Element source, boolean keyOfMap) {
        return switch (qualified) {
            case "java.lang.String", "java.util.Locale", "java.util.Currency", "java.util.TimeZone",
                 "java.time.ZoneId", "java.time.ZoneOffset", "java.net.URL", "java.lang.Class" -> "VARCHAR";
            case "java.lang.Boolean" -> "BOOLEAN";
            case "java.lang.Byte" -> "TINYINT";
            case "java.lang.Short" -> "SMALLINT";
            case "java.lang.Integer", "java.time.Year" -> "INTEGER";
            case "java.lang.Long" -> "BIGINT";
            case "java.lang.Float" -> "FLOAT";
            case "java.lang.Double" -> "DOUBLE";
            case "java.lang.Character" -> "CHAR";
            case "java.math.BigDecimal" -> "NUMERIC";
            case "java.math.BigInteger" -> "BIGINTEGER";
            case "java.time.LocalDate", "java.sql.Date" -> "DATE";
            case "java.time.LocalTime", "java.sql.Time" -> "TIME";
            case "java.time.LocalDateTime", "java.sql.Timestamp" -> "TIMESTAMP";
            case "java.time.Instant" -> "TIMESTAMP_UTC";
            case "java.time.OffsetDateTime", "java.time.ZonedDateTime" -> "TIMESTAMP_UTC";
            case "java.time.OffsetTime" -> "TIME_UTC";
            case "java.time.Duration" -> "DURATION";
            case "java.util.UUID" -> "UUID";
            case "java.sql.Blob" -> "BLOB";
            case "java.sql.Clob" -> "CLOB";
            case "java.sql.NClob" -> "NCLOB";
            case "java.util.Date", "java.util.Calendar", "java.util.GregorianCalendar" -> temporal(source, keyOfMap);
            default -> null;
        };
    }

    private static String temporal(Element source, boolean keyOfMap) {
        Ann temporal = Ann.jpa(source, keyOfMap ? "MapKeyTemporal" : "Temporal");
        if (temporal == null) {
            return "TIMESTAMP";
        }
        return switch (temporal.enumName("value")) {
            case "DATE" -> "DATE";
            case "TIME" -> "TIME";
            default -> "TIMESTAMP";
        };
    }

    private static String primitive(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> "BOOLEAN";
            case BYTE -> "TINYINT";
            case SHORT -> "SMALLINT";
            case INT -> "INTEGER";
            case LONG -> "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case CHAR -> "CHAR";
            default -> throw new IllegalArgumentException("not a primitive: " + kind);
        };
    }

    /**
     * Adds the size Hibernate gives the type (its dialect's size strategy): for strings and binaries the
     * mapping's length, where it gives one other than JPA's default 255, else the Java type's default length
     * (the long default for LONGVARCHAR and LONGVARBINARY, none for the unbounded LONG32 types); precision and
     * scale for numerics.
     */
    static Mapping sized(String name, Ann column, boolean nationalized, TypeMirror javaType) {
        String effective = nationalized ? switch (name) {
            case "VARCHAR" -> "NVARCHAR";
            case "CHAR" -> "NCHAR";
            case "CLOB" -> "NCLOB";
            default -> name;
        } : name;
        Integer given = column == null || column.integer("length") == DEFAULT_LENGTH ? null : column.integer("length");
        ColumnType type = switch (effective) {
            case "CHAR", "NCHAR", "VARCHAR", "NVARCHAR", "BINARY", "VARBINARY" ->
                    ColumnType.ofLength(effective, given != null ? given : defaultLength(javaType, effective));
            case "LONGVARCHAR", "LONGNVARCHAR", "LONGVARBINARY" ->
                    ColumnType.ofLength(effective, given != null ? given : LONG_LENGTH);
            case "LONG32VARCHAR", "LONG32NVARCHAR", "LONG32VARBINARY" ->
                    given != null ? ColumnType.ofLength(effective, given) : ColumnType.of(effective);
            // A large object sized by @Column: Hibernate takes the annotation's length, 255 when it gives none
            // (tinytext/tinyblob on MariaDB and MySQL); without @Column it has no length (longtext/longblob).
            case "CLOB", "NCLOB", "BLOB" -> column == null ? ColumnType.of(effective)
                    : ColumnType.ofLength(effective, given != null ? given : DEFAULT_LENGTH);
            case "NUMERIC", "DECIMAL" -> numeric(effective, column, DEFAULT_SCALE);
            // Hibernate 6.6 stores a Duration as nanoseconds in numeric(21,0) unless told otherwise.
            case "DURATION" -> ColumnType.numeric("NUMERIC", 21, 0);
            case "BIGINTEGER" -> numeric("NUMERIC", column, 0);
            // float and double are FLOAT with binary precision 24 and 53 (real and double precision).
            case "FLOAT" -> new ColumnType("FLOAT", null, 24, null);
            case "DOUBLE" -> new ColumnType("FLOAT", null, 53, null);
            default -> ColumnType.of(effective);
        };
        return new Mapping(type, null, false);
    }

    /**
     * The length Hibernate gives a Java type in a column of a sized type when the mapping gives none (its
     * {@code JavaType.getDefaultSqlLength}): a currency code 3, an offset ({@code +05:30}) 6, one character
     * 1, a UUID 36 as text and 16 as bytes, a number as text its digits and sign; anything else 255.
     */
    private static int defaultLength(TypeMirror type, String sqlType) {
        String name = type == null ? "" : type.getKind().isPrimitive()
                ? wrapperOf(type.getKind()) : type instanceof DeclaredType d
                ? Ann.qualifiedNameOf((TypeElement) d.asElement()) : "";
        return switch (name) {
            case "java.util.Currency" -> 3;
            case "java.time.ZoneOffset" -> 6;
            case "java.lang.Character", "java.lang.Boolean", "java.lang.Byte" -> 1;
            case "java.util.UUID" -> sqlType.endsWith("BINARY") ? 16 : 36;
            case "java.lang.Short" -> 5 + 1;
            case "java.lang.Integer" -> 10 + 1;
            case "java.lang.Long" -> 19 + 1;
            case "java.math.BigInteger" -> DEFAULT_PRECISION + 1;
            case "java.math.BigDecimal" -> DEFAULT_PRECISION + 2;
            case "java.lang.Float" -> 1 + 8 + 1 + 4;
            case "java.lang.Double" -> 1 + 17 + 1 + 5;
            default -> DEFAULT_LENGTH;
        };
    }

    /** The wrapper class of a primitive type, whose default length it has. */
    private static String wrapperOf(TypeKind kind) {
        return switch (kind) {
            case BOOLEAN -> "java.lang.Boolean";
            case BYTE -> "java.lang.Byte";
            case SHORT -> "java.lang.Short";
            case INT -> "java.lang.Integer";
            case LONG -> "java.lang.Long";
            case FLOAT -> "java.lang.Float";
            case DOUBLE -> "java.lang.Double";
            case CHAR -> "java.lang.Character";
            default -> "";
        };
    }

    /** Like Hibernate, precision and scale count only together, and only when a precision is given. */
    private static ColumnType numeric(String name, Ann column, int defaultScale) {
        if (column == null || column.integer("precision") <= 0) {
            return ColumnType.numeric(name, DEFAULT_PRECISION, defaultScale);
        }
        return ColumnType.numeric(name, column.integer("precision"), column.integer("scale"));
    }

    /** Whether the attribute's value goes through a converter (its own {@code @Convert} or an auto-applied one). */
    boolean isConverted(TypeMirror type, Element source) {
        return convertedType(type, source) != null;
    }

    /** The database-side type argument of the attribute's converter, if it has one. */
    private TypeMirror convertedType(TypeMirror type, Element source) {
        Ann convert = source == null ? null : Ann.jpa(source, "Convert");
        if (convert != null && convert.bool("disableConversion")) {
            return null;
        }
        TypeMirror converter = convert == null ? null : convert.type("converter");
        if (converter != null && converter.getKind() == TypeKind.DECLARED
                && !((TypeElement) types.asElement(converter)).getQualifiedName().contentEquals("jakarta.persistence.AttributeConverter")
                && !((TypeElement) types.asElement(converter)).getQualifiedName().contentEquals("javax.persistence.AttributeConverter")) {
            TypeMirror databaseType = Converters.databaseType(types, converter);
            if (databaseType == null) {
                throw new MappingException(source, convert.mirror(), Message.BAD_CONVERTER,
                        types.asElement(converter).getSimpleName(), source.getSimpleName());
            }
            return databaseType;
        }
        if (type instanceof DeclaredType d) {
            TypeMirror auto = autoApplyConverters.get(Ann.qualifiedNameOf((TypeElement) d.asElement()));
            if (auto != null) {
                return auto;
            }
        }
        return null;
    }

    private static boolean isCharacterData(TypeMirror type) {
        if (type instanceof ArrayType a) {
            return a.getComponentType().getKind() == TypeKind.CHAR || isNamed(a.getComponentType(), "java.lang.Character");
        }
        return isNamed(type, "java.lang.String") || isNamed(type, "java.sql.Clob");
    }

    private static String clob(Element source) {
        return Ann.named(source, "org.hibernate.annotations.Nationalized") != null ? "NCLOB" : "CLOB";
    }

    static boolean isNamed(TypeMirror type, String qualifiedName) {
        return type instanceof DeclaredType d
                && ((TypeElement) d.asElement()).getQualifiedName().contentEquals(qualifiedName);
    }
}
