package io.github.entitymigrations.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one identity rule of schema-qualified names. */
class QualifiedNameTest {

    @Test
    void namesAreTheSameIgnoringCaseInSchemaAndName() {
        assertEquals(QualifiedName.key("Billing", "Invoice"), QualifiedName.key("billing", "INVOICE"));
        assertTrue(QualifiedName.same("Billing", "Invoice", "billing", "invoice"));
        assertTrue(QualifiedName.same(null, "AppSetting", null, "appsetting"));
    }

    @Test
    void noSchemaIsNotAnySchema_andADotInANameIsNotASchema() {
        assertFalse(QualifiedName.same(null, "invoice", "billing", "invoice"));
        assertNotEquals(QualifiedName.key(null, "billing.invoice"), QualifiedName.key("billing", "invoice"));
        assertFalse(QualifiedName.same(null, "billing.invoice", "billing", "invoice"));
        assertTrue(QualifiedName.same("A.b", "c", "a.B", "C"));
    }

    @Test
    void recordsHaveTheKeyOfTheirNames() {
        Table t = new Table("Billing", "Invoice", true, null, List.of(), List.of(), null, List.of(), List.of(),
                List.of(), List.of());
        ForeignKey fk = new ForeignKey("fk", List.of("a"), "billing", "invoice", List.of("id"), null);
        assertEquals(QualifiedName.key(t), QualifiedName.referencedKey(fk));
        assertEquals(".s", QualifiedName.key(new Sequence(null, "S", 1, 1)));
        assertEquals("Billing.Invoice", QualifiedName.display("Billing", "Invoice"));
        assertEquals(OnDelete.NO_ACTION, fk.onDelete(), "absent means no action");
    }
}
