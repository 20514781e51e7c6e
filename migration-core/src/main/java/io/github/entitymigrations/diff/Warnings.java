package io.github.entitymigrations.diff;

import io.github.entitymigrations.operations.AddCheck;
import io.github.entitymigrations.operations.AddColumn;
import io.github.entitymigrations.operations.AddForeignKey;
import io.github.entitymigrations.operations.AddPrimaryKey;
import io.github.entitymigrations.operations.AddUnique;
import io.github.entitymigrations.operations.AlterColumn;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.Checks;
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
import io.github.entitymigrations.schema.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a reviewer must know about a list of operations: steps that lose data (destructive), and steps
 * that can fail on the rows a table already has (data-dependent), each with what to do.
 */
public final class Warnings {

    /**
     * The operations with a warning rule; the others never warn (they lose nothing and fail on no rows). Checked
     * complete when the class loads ({@link OperationTypes#decided}).
     */
    private static final Set<Class<?>> DECIDED = OperationTypes.decided("diff.Warnings",
            Set.of(DropTable.class, DropColumn.class, AlterColumn.class, AddColumn.class, AddUnique.class,
                    CreateIndex.class, AddPrimaryKey.class, AddForeignKey.class, AddCheck.class),
            Set.of(CreateTable.class, RenameTable.class, RenameColumn.class, DropPrimaryKey.class, DropUnique.class,
                    DropIndex.class, DropCheck.class, DropForeignKey.class, CreateSequence.class, DropSequence.class,
                    AlterSequence.class, Sql.class));

    private Warnings() {
    }

    /**
     * @param existingTables keys ({@code schema.name}, lower case) of tables that exist before the
     *                       operations run, so may hold rows
     */
    public static List<Warning> of(List<Operation> operations, Set<String> existingTables) {
        List<Warning> result = new ArrayList<>();
        for (int i = 0; i < operations.size(); i++) {
            Operation op = operations.get(i);
            if (op instanceof DropTable d) {
                result.add(new Warning(i + 1, Warning.DESTRUCTIVE, "drops table " + d.table().qualifiedName()
                        + " and all its rows"));
            } else if (op instanceof DropColumn d) {
                result.add(new Warning(i + 1, Warning.DESTRUCTIVE, "drops column " + d.table() + "." + d.column().name()
                        + " and its data; if it was renamed, annotate the attribute with @RenamedFrom(\""
                        + d.column().name() + "\") and generate again"));
            } else if (op instanceof AlterColumn a) {
                alter(i, a, i > 0 && Backfills.fills(operations.get(i - 1), a), result);
            } else if (PutBack.of(operations.subList(0, i), op)) {
                continue; // a key the rows met until this migration dropped it
            } else if (op instanceof AddColumn a && existingTables.contains(QualifiedName.key(a.schema(), a.table()))
                    && !a.column().nullable() && a.column().defaultValue() == null && !a.column().identity()) {
                result.add(new Warning(i + 1, Warning.DATA, "adds NOT NULL column " + a.table() + "." + a.column().name()
                        + " without a default: it fails if " + a.table() + " has rows. " + giveBackfill(a.schema(),
                        a.table(), a.column().name()) + ", or give it a server default (@ColumnDefault or @ServerDefault)"));
            } else if (op instanceof AddUnique u && existingTables.contains(QualifiedName.key(u.schema(), u.table()))) {
                result.add(new Warning(i + 1, Warning.DATA, "adds unique constraint " + u.unique().name() + ": it fails if "
                        + "existing rows of " + u.table() + " repeat (" + String.join(", ", u.unique().columns()) + ")"));
            } else if (op instanceof CreateIndex c && c.index().unique()
                    && existingTables.contains(QualifiedName.key(c.schema(), c.table()))) {
                result.add(new Warning(i + 1, Warning.DATA, "creates unique index " + c.index().name() + ": it fails if "
                        + "existing rows of " + c.table() + " repeat (" + String.join(", ", c.index().columns()) + ")"));
            } else if (op instanceof AddPrimaryKey p && existingTables.contains(QualifiedName.key(p.schema(), p.table()))) {
                result.add(new Warning(i + 1, Warning.DATA, "adds primary key " + p.primaryKey().name() + ": it fails if "
                        + "existing rows of " + p.table() + " repeat (" + String.join(", ", p.primaryKey().columns())
                        + ") or have NULL there"));
            } else if (op instanceof AddForeignKey f && existingTables.contains(QualifiedName.key(f.schema(), f.table()))) {
                result.add(new Warning(i + 1, Warning.DATA, "adds foreign key " + f.foreignKey().name() + ": it fails if "
                        + "existing rows of " + f.table() + " reference rows " + f.foreignKey().referencedTable()
                        + " does not have (clean them up in a sql step before it)"));
            } else if (op instanceof AddCheck c && existingTables.contains(QualifiedName.key(c.schema(), c.table()))) {
                result.add(new Warning(i + 1, Warning.DATA, "adds check " + c.check().name() + " (" + Checks.describe(c.check())
                        + "): it fails if existing rows of " + c.table() + " do not satisfy it"));
            }
        }
        return result;
    }

    /** How to have generate write the backfill, in words of no front end (the annotation, or a backfill entry). */
    private static String giveBackfill(String schema, String table, String column) {
        return "Say what existing rows get and generate again: annotate the attribute with @Backfill(\"<SQL "
                + "expression>\"), or give generate the backfill " + Backfills.name(schema, table, column)
                + "=<SQL expression>; generate then fills them before the column becomes NOT NULL";
    }

    /** A column made NOT NULL warns, unless the step before it is its backfill ({@link Backfills#fills}). */
    private static void alter(int i, AlterColumn a, boolean backfilled, List<Warning> result) {
        String column = a.table() + "." + a.from().name();
        if (a.isDestructive()) {
            result.add(new Warning(i + 1, Warning.DESTRUCTIVE, "changes " + column + " from " + a.from().type() + " to "
                    + a.to().type() + ": values that do not fit make the step fail or are cut"));
        }
        if (a.from().nullable() && !a.to().nullable() && !backfilled) {
            result.add(new Warning(i + 1, Warning.DATA, column + " becomes NOT NULL: the step fails while any row has "
                    + "NULL there. " + giveBackfill(a.schema(), a.table(), a.from().name())));
        }
    }
}
