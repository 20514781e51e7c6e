package io.github.entitymigrations.processor;

import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/**
 * The Bean Validation constraints Hibernate turns into DDL ({@code hibernate.validator.apply_to_ddl}):
 * {@code @NotNull} (and {@code @NotEmpty}, {@code @NotBlank}) makes a column NOT NULL, {@code @Size(max)} sets
 * a string column's length, {@code @Digits} a decimal's precision and scale, {@code @Min}/{@code @Max} add
 * checks. Read by name, jakarta or javax.
 */
final class BeanValidation {

    private BeanValidation() {
    }

    static ColumnType apply(Element element, TypeMirror javaType, ColumnType type) {
        ColumnType result = type;
        Ann size = Ann.validation(element, "Size");
        if (size == null) {
            size = Ann.named(element, "org.hibernate.validator.constraints.Length");
        }
        // Hibernate applies @Size to String attributes only (not enums, arrays or collections), a @Lob's too (its
        // CLOB is then sized: text rather than longtext on MariaDB and MySQL).
        boolean sized = result.length() != null || result.name().equals("CLOB") || result.name().equals("NCLOB");
        if (size != null && BasicTypes.isNamed(javaType, "java.lang.String") && sized
                && size.integer("max") < Integer.MAX_VALUE) {
            result = new ColumnType(result.name(), size.integer("max"), null, null);
        }
        Ann digits = Ann.validation(element, "Digits");
        if (digits != null && result.precision() != null) {
            int fraction = digits.integer("fraction");
            result = new ColumnType(result.name(), null, digits.integer("integer") + fraction, fraction);
        }
        return result;
    }

    /** {@code @NotNull}, and {@code @NotEmpty}/{@code @NotBlank}, which imply it. */
    static boolean notNull(Element element) {
        return Ann.validation(element, "NotNull") != null || Ann.validation(element, "NotEmpty") != null
                || Ann.validation(element, "NotBlank") != null;
    }

    /** {@code @Min}/{@code @Max} become {@code col>=min} / {@code col<=max} checks, as in Hibernate. */
    static List<CheckConstraint> checks(Element element, TableDraft table, String column) {
        List<CheckConstraint> result = new ArrayList<>();
        Ann min = Ann.validation(element, "Min");
        if (min != null) {
            result.add(CheckConstraint.expression(ConstraintNames.check(table.nameText(), column + "_min"), column,
                    column + ">=" + min.longValue("value")));
        }
        Ann max = Ann.validation(element, "Max");
        if (max != null) {
            result.add(CheckConstraint.expression(ConstraintNames.check(table.nameText(), column + "_max"), column,
                    column + "<=" + max.longValue("value")));
        }
        return result;
    }
}
