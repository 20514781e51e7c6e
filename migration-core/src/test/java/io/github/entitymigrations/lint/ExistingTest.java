package io.github.entitymigrations.lint;

import static io.github.entitymigrations.lint.LintFixture.base;
import static io.github.entitymigrations.lint.LintFixture.col;
import static io.github.entitymigrations.lint.LintFixture.newTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.schema.QualifiedName;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What existed before a migration, followed through its steps: the tables and columns are read from the schema only
 * when asked, so each case asks in a different order (before and after a step touches the table).
 */
class ExistingTest {

    @Test
    void tablesAndColumnsOfTheSchemaBeforeExistAndNamesAreMatchedWithoutCase() {
        Existing e = new Existing(base());
        assertTrue(e.table(null, "users"));
        assertTrue(e.column(null, "users", "EMAIL"));
        assertFalse(e.column(null, "users", "phone"));
        assertFalse(e.table(null, "items"));
        assertFalse(e.column(null, "items", "id"));
        assertEquals(QualifiedName.key(null, "users"), e.origin(null, "users"));
    }

    @Test
    void aRenamedTableKeepsItsColumnsAndItsOrigin() {
        // Columns not asked for before the rename: read from the table's name before it.
        Existing e = new Existing(base());
        e.after(new RenameTable(null, "users", "customers"));
        assertFalse(e.table(null, "users"));
        assertFalse(e.column(null, "users", "email"));
        assertTrue(e.column(null, "customers", "email"));
        assertEquals(QualifiedName.key(null, "users"), e.origin(null, "customers"));

        // Asked for first, then renamed twice, a column renamed and one dropped on the way.
        Existing f = new Existing(base());
        assertTrue(f.column(null, "users", "name"));
        f.after(new RenameTable(null, "users", "clients"));
        f.after(new RenameColumn(null, "clients", "name", "full_name"));
        f.after(new DropColumn(null, "clients", col("price", "NUMERIC(10,2)", true)));
        f.after(new RenameTable(null, "clients", "customers"));
        assertTrue(f.column(null, "customers", "full_name"));
        assertFalse(f.column(null, "customers", "name"));
        assertFalse(f.column(null, "customers", "price"));
        assertTrue(f.column(null, "customers", "email"));
        assertFalse(f.table(null, "clients"));
        assertEquals(QualifiedName.key(null, "users"), f.origin(null, "customers"));
    }

    @Test
    void aDroppedTableMadeAgainIsNewAndANewTableNeverExisted() {
        Existing e = new Existing(base());
        e.after(new DropTable(LintFixture.table("orders", List.of(), List.of())));
        e.after(new CreateTable(newTable("orders")));
        assertFalse(e.table(null, "orders"));
        assertFalse(e.column(null, "orders", "id"));
        assertNull(e.origin(null, "orders"));

        Existing f = new Existing(base());
        f.after(new CreateTable(newTable("items")));
        f.after(new RenameTable(null, "items", "things"));
        f.after(new RenameColumn(null, "things", "code", "label"));
        assertFalse(f.table(null, "things"));
        assertFalse(f.column(null, "things", "code"));
        assertFalse(f.column(null, "things", "label"));
    }

    @Test
    void aColumnRenamedOrDroppedNoLongerExistsUnderItsOldName() {
        Existing e = new Existing(base());
        e.after(new RenameColumn(null, "users", "Email", "mail"));
        e.after(new DropColumn(null, "orders", col("user_id", "BIGINT", true)));
        assertFalse(e.column(null, "users", "email"));
        assertTrue(e.column(null, "users", "MAIL"));
        assertFalse(e.column(null, "orders", "user_id"));
        assertTrue(e.column(null, "orders", "id"));
    }
}
