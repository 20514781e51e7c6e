package io.github.entitymigrations.lint;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropCheck;
import io.github.entitymigrations.operations.DropColumn;
import io.github.entitymigrations.operations.DropForeignKey;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropPrimaryKey;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.DropUnique;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.PutBack;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import java.util.List;
import java.util.Set;

/** The rules on both databases: data loss, and steps that fail on the rows a table already holds. */
final class DataRules implements Judge {

    static final Set<Class<?>> DECIDED = OperationTypes.decided("lint.DataRules",
            Set.of(DropTable.class, DropColumn.class, AlterColumn.class, AddColumn.class, AddUnique.class,
                    AddPrimaryKey.class, CreateIndex.class, AddCheck.class, AddForeignKey.class),
            Set.of(CreateTable.class, RenameTable.class, RenameColumn.class, DropPrimaryKey.class, DropUnique.class,
                    DropIndex.class, DropCheck.class, DropForeignKey.class, CreateSequence.class, DropSequence.class,
                    AlterSequence.class, Sql.class));

    @Override
    public void judge(StepView s, List<Finding> out) {
        Operation op = s.op();
        if (op instanceof DropTable d && s.existing(d.table().schema(), d.table().name())) {
            out.add(s.finding("drop-table", d.table().schema(), d.table().name(), "drops table "
                    + d.table().qualifiedName() + s.rowsNote(d.table().schema(), d.table().name())
                    + " and every row in it"));
        } else if (op instanceof DropColumn d && s.existingColumn(d.schema(), d.table(), d.column().name())) {
            out.add(s.finding("drop-column", d.schema(), d.table(), "drops column " + d.table() + "."
                    + d.column().name() + s.rowsNote(d.schema(), d.table()) + " and its values"));
        } else if (op instanceof AlterColumn a && s.existingColumn(a.schema(), a.table(), a.from().name())) {
            alter(s, a, out);
        } else if (op instanceof AddColumn a && s.existing(a.schema(), a.table()) && newNotNullWithoutDefault(a.column())) {
            notNull(s, a.schema(), a.table(), "adds column " + a.table() + "." + a.column().name()
                    + " NOT NULL without a default", true, out);
        } else if (PutBack.of(s.earlier(), op)) {
            return; // the rows met it until the same migration dropped it
        } else if (op instanceof AddUnique u) {
            onRows(s, "unique-on-existing", u.schema(), u.table(), "adds unique constraint " + u.unique().name()
                    + " on " + u.table() + " (" + String.join(", ", u.unique().columns()) + ")", out);
        } else if (op instanceof AddPrimaryKey p) {
            onRows(s, "unique-on-existing", p.schema(), p.table(), "adds primary key " + p.primaryKey().name()
                    + " on " + p.table() + " (" + String.join(", ", p.primaryKey().columns()) + ")", out);
        } else if (op instanceof CreateIndex i && i.index().unique()) {
            onRows(s, "unique-on-existing", i.schema(), i.table(), "creates unique index " + i.index().name()
                    + " on " + i.table() + " (" + String.join(", ", i.index().columns()) + ")", out);
        } else if (op instanceof AddCheck c && !(c.notValid() && s.dialect().equals("postgresql"))) {
            onRows(s, "check-on-existing", c.schema(), c.table(), "adds check constraint " + c.check().name()
                    + " on " + c.table(), out);
        } else if (op instanceof AddForeignKey f && !(f.notValid() && s.dialect().equals("postgresql"))) {
            onRows(s, "fk-on-existing", f.schema(), f.table(), "adds foreign key " + f.foreignKey().name() + " on "
                    + f.table() + " (" + String.join(", ", f.foreignKey().columns()) + ")", out);
        }
    }

    private static void alter(StepView s, AlterColumn a, List<Finding> out) {
        String column = a.table() + "." + a.from().name();
        if (AlterColumn.narrows(a.from().type(), a.to().type())) {
            out.add(s.finding("narrow-type", a.schema(), a.table(), "narrows column " + column + " from "
                    + type(a.from()) + " to " + type(a.to()) + s.rowsNote(a.schema(), a.table())));
        }
        if (a.from().defaultValue() != null && a.to().defaultValue() == null) {
            out.add(s.finding("drop-default", a.schema(), a.table(), "removes the default " + a.from().defaultValue()
                    + " of column " + column));
        }
        if (a.from().nullable() && !a.to().nullable()
                && !BackfillSteps.fills(s.earlier(), s.dialect(), a.table(), a.from().name())) {
            notNull(s, a.schema(), a.table(), "makes column " + column + " NOT NULL with no backfill before it in "
                    + "this migration", false, out);
        }
    }

    /** The column definition, or the type's compact form: {@code VARCHAR(100)}, {@code NUMERIC(10,2)}. */
    static String type(Column c) {
        return c.columnDefinition() != null ? c.columnDefinition() : c.type().toString();
    }

    /** A new column that existing rows cannot fill: NOT NULL, no default, not generated. */
    static boolean newNotNullWithoutDefault(Column c) {
        return !c.nullable() && !c.identity() && (c.defaultValue() == null || c.defaultValue().strip()
                .equalsIgnoreCase("null"));
    }

    /**
     * A new column on a table known to hold rows certainly fails: an error. An existing column fails only if a row
     * holds null there, which only a scan would tell: a warning. Unknown rows: a warning; known empty: nothing.
     */
    private static void notNull(StepView s, String schema, String table, String what, boolean newColumn,
                                List<Finding> out) {
        Long rows = s.rows(schema, table);
        if (rows == null) {
            out.add(s.finding("not-null-without-default", schema, table, what + ": it fails if "
                    + (newColumn ? "the table has rows" : "a row holds null there")));
        } else if (rows > 0 && !newColumn) {
            out.add(s.finding("not-null-without-default", schema, table, what + ": the table has "
                    + s.facts().describeRows(rows) + "; one holding null there makes it fail"));
        } else if (rows > 0) {
            out.add(s.finding("not-null-without-default", Severity.ERROR, schema, table, what + ": the table has "
                    + s.facts().describeRows(rows) + ", so it fails"));
        }
    }

    /** Whether the rows fit depends on their values: a warning unless the table is known to be empty. */
    private static void onRows(StepView s, String rule, String schema, String table, String what, List<Finding> out) {
        if (!s.existing(schema, table)) {
            return;
        }
        Long rows = s.rows(schema, table);
        if (rows == null || rows > 0) {
            out.add(s.finding(rule, schema, table, what + " to a table " + (rows == null ? "that may hold rows"
                    : "with " + s.facts().describeRows(rows)) + ": rows that do not fit make it fail"));
        }
    }
}
