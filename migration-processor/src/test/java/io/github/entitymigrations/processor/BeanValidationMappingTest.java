package io.github.entitymigrations.processor;

import static io.github.entitymigrations.processor.SnapshotCompiler.column;
import static io.github.entitymigrations.processor.SnapshotCompiler.compile;
import static io.github.entitymigrations.processor.SnapshotCompiler.source;
import static io.github.entitymigrations.processor.SnapshotCompiler.table;
import static io.github.entitymigrations.processor.SnapshotCompiler.type;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation constraints as Hibernate 6.6's {@code TypeSafeActivator} applies them to the DDL:
 * {@code @NotNull}/{@code @NotEmpty}/{@code @NotBlank} make columns NOT NULL, {@code @Size(max)} sets the
 * length of String attributes only, {@code @Digits} sets precision and scale.
 */
class BeanValidationMappingTest {

    private static final String BV = "jakarta.validation.constraints.";

    private static final String[] SIGNUP = {"@Entity public class Signup { @Id Long id;",
        "  @" + BV + "NotNull String email;",
        "  @javax.validation.constraints.NotNull String legacy;",
        "  @" + BV + "Size(max = 40) String nick;",
        "  @" + BV + "Size(min = 2) String other;",
        "  @" + BV + "Size(max = 20) @Column(length = 30) String both;",
        "  @" + BV + "Digits(integer = 8, fraction = 3) BigDecimal fee;",
        "  @" + BV + "NotNull @ManyToOne Signup referrer; }"};

    @Test
    void notNullSizeAndDigitsReachTheDdl() {
        Table t = table(compile(source("Signup", SIGNUP)), "Signup");

        assertFalse(column(t, "email").nullable(), "@NotNull");
        assertFalse(column(t, "legacy").nullable(), "javax @NotNull");
        assertFalse(column(t, "referrer_id").nullable(), "@NotNull on a @ManyToOne");
        assertEquals("VARCHAR(40)", type(t, "nick"), "@Size(max)");
        assertEquals("VARCHAR(255)", type(t, "other"), "@Size without max");
        assertEquals("VARCHAR(20)", type(t, "both"), "@Size(max) wins over @Column(length)");
        assertEquals("NUMERIC(11,3)", type(t, "fee"), "@Digits");
    }

    @Test
    void optionFalseIgnoresBeanValidation() {
        Table t = table(compile(List.of("-Amigration.beanValidation=false"), source("Signup", SIGNUP)), "Signup");

        assertTrue(column(t, "email").nullable());
        assertTrue(column(t, "legacy").nullable());
        assertTrue(column(t, "referrer_id").nullable());
        assertEquals("VARCHAR(255)", type(t, "nick"));
        assertEquals("VARCHAR(30)", type(t, "both"));
        assertEquals("NUMERIC(38,2)", type(t, "fee"));
    }

    @Test
    void hibernateValidatorLengthSetsTheLengthLikeSize() {
        Table t = table(compile(source("Handle", "@Entity public class Handle { @Id Long id;",
                "  @org.hibernate.validator.constraints.Length(max = 30) String name; }")), "Handle");

        assertEquals("VARCHAR(30)", type(t, "name"), "Hibernate Validator's @Length(max)");
    }

    /**
     * Hibernate sizes a {@code @Lob String}'s CLOB by {@code @Size(max)} too (on MariaDB {@code text} instead of
     * {@code longtext}: found on Apache HertzBeat, {@code benchmarks/real-apps}); a byte array's BLOB it does not.
     */
    @Test
    void sizeSizesALargeTextButNotALargeBinary() {
        Table t = table(compile(source("Template", "@Entity public class Template { @Id Long id;",
                "  @Lob @" + BV + "Size(max = 60000) String body; @Lob String plain;",
                "  @Lob @" + BV + "Size(max = 60000) byte[] image; }")), "Template");

        assertEquals("CLOB(60000)", type(t, "body"));
        assertEquals("CLOB", type(t, "plain"));
        assertEquals("BLOB", type(t, "image"));
    }

    @Test
    void minAndMaxBecomeChecks() {
        Table t = table(compile(source("Stock", "@Entity public class Stock { @Id Long id;",
                "  @" + BV + "Min(0) @" + BV + "Max(500) int quantity; }")), "Stock");

        assertEquals(List.of("quantity>=0", "quantity<=500"),
                t.checks().stream().map(c -> c.expression()).sorted((a, b) -> b.compareTo(a)).toList());
        assertEquals(List.of("ck_Stock_quantity_max", "ck_Stock_quantity_min"),
                t.checks().stream().map(c -> c.name()).toList());
    }

    @Test
    void notEmptyAndNotBlankMakeNotNullToo() {
        Table t = table(compile(source("Form", "@Entity public class Form { @Id Long id;",
                "  @" + BV + "NotBlank String name; @" + BV + "NotEmpty String code; }")), "Form");

        assertFalse(column(t, "name").nullable(), "@NotBlank: Hibernate's TypeSafeActivator.applyNotNull");
        assertFalse(column(t, "code").nullable(), "@NotEmpty: Hibernate's TypeSafeActivator.applyNotNull");
    }

    @Test
    void sizeSetsTheLengthOfStringAttributesOnly() {
        Schema schema = compile(source("Form", "@Entity public class Form { @Id Long id;",
                "  public enum Status { OPEN, CLOSED }",
                "  @" + BV + "Size(max = 10) @Enumerated(EnumType.STRING) Status status;",
                "  @" + BV + "Size(max = 40) byte[] picture;",
                "  @" + BV + "Size(max = 7) char[] letters;",
                "  @" + BV + "Size(max = 5) @ElementCollection List<String> tags;",
                "  @" + BV + "NotEmpty @ElementCollection List<String> labels; }"));
        Table form = table(schema, "Form");

        assertAll(
                () -> assertEquals("VARCHAR(255)", type(form, "status"), "@Size on an enum"),
                () -> assertEquals("VARBINARY(255)", type(form, "picture"), "@Size on a byte[]"),
                () -> assertEquals("VARCHAR(255)", type(form, "letters"), "@Size on a char[]"),
                () -> assertEquals("VARCHAR(255)", type(table(schema, "Form_tags"), "tags"),
                        "@Size on a collection counts its elements"),
                () -> assertTrue(column(table(schema, "Form_labels"), "labels").nullable(), "@NotEmpty on a collection"));
    }

    @Test
    void constraintsInsideAnEmbeddableApplyOnlyThroughValid() {
        Table t = table(compile(
                source("Address", "@Embeddable public class Address {",
                        "  @" + BV + "Size(max = 50) String street; @" + BV + "NotNull String city; }"),
                source("Site", "@Entity public class Site { @Id Long id;",
                        "  @Embedded Address plain;",
                        "  @jakarta.validation.Valid @Embedded",
                        "  @AttributeOverride(name = \"street\", column = @Column(name = \"v_street\"))",
                        "  @AttributeOverride(name = \"city\", column = @Column(name = \"v_city\")) Address valid;",
                        "  @jakarta.validation.Valid @" + BV + "NotNull @Embedded",
                        "  @AttributeOverride(name = \"street\", column = @Column(name = \"vn_street\"))",
                        "  @AttributeOverride(name = \"city\", column = @Column(name = \"vn_city\")) Address required; }")),
                "Site");

        // TypeSafeActivator.applyDDL recurses into @Valid embeddables with activateNotNull only when the
        // embedding attribute is @NotNull itself.
        assertAll(
                () -> assertEquals("VARCHAR(255)", type(t, "street"), "no @Valid: the embeddable's @Size is not applied"),
                () -> assertTrue(column(t, "city").nullable(), "no @Valid: the embeddable's @NotNull is not applied"),
                () -> assertEquals("VARCHAR(50)", type(t, "v_street"), "@Valid: @Size applies"),
                () -> assertTrue(column(t, "v_city").nullable(), "@Valid alone: @NotNull needs @NotNull on the embedded"),
                () -> assertEquals("VARCHAR(50)", type(t, "vn_street")),
                () -> assertFalse(column(t, "vn_city").nullable(), "@Valid @NotNull: @NotNull applies"));
    }

    @Test
    void notNullIsDroppedInSingleTableSubclasses() {
        Table t = table(compile(
                source("Payment", "@Entity public class Payment { @Id Long id; }"),
                source("CardPayment", "@Entity public class CardPayment extends Payment {",
                        "  @" + BV + "NotNull String number; @" + BV + "NotNull @ManyToOne Payment original; }")),
                "Payment");

        // TypeSafeActivator.applyNotNull skips every property of a SingleTableSubclass.
        assertAll(
                () -> assertTrue(column(t, "number").nullable(), "rows of other subclasses have no value"),
                () -> assertTrue(column(t, "original_id").nullable(), "@NotNull on a subclass association"));
    }
}
