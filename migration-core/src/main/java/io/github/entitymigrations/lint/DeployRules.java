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
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.RenameColumn;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.Sql;
import java.util.List;
import java.util.Set;

/**
 * What breaks the release still running during a rolling deploy: the old code reads and writes the schema as it was,
 * so a name it uses must outlive it (expand, then contract in a later release).
 */
final class DeployRules implements Judge {

    static final Set<Class<?>> DECIDED = OperationTypes.decided("lint.DeployRules",
            Set.of(RenameTable.class, RenameColumn.class, DropTable.class, DropColumn.class, AlterColumn.class,
                    AddColumn.class),
            Set.of(CreateTable.class, AddPrimaryKey.class, DropPrimaryKey.class, AddUnique.class, DropUnique.class,
                    CreateIndex.class, DropIndex.class, AddCheck.class, DropCheck.class, AddForeignKey.class,
                    DropForeignKey.class, CreateSequence.class, DropSequence.class, AlterSequence.class, Sql.class));

    @Override
    public void judge(StepView s, List<Finding> out) {
        Operation op = s.op();
        if (op instanceof RenameTable r && s.existing(r.schema(), r.from())) {
            out.add(s.finding("deploy-rename-table", r.schema(), r.from(), "renames table " + r.from() + " to "
                    + r.to() + ", which the previous release still uses by its old name"));
        } else if (op instanceof RenameColumn r && s.existingColumn(r.schema(), r.table(), r.from())) {
            out.add(s.finding("deploy-rename-column", r.schema(), r.table(), "renames column " + r.table() + "."
                    + r.from() + " to " + r.to() + ", which the previous release still uses by its old name"));
        } else if (op instanceof DropTable d && s.existing(d.table().schema(), d.table().name())) {
            out.add(s.finding("deploy-drop-table", d.table().schema(), d.table().name(), "drops table "
                    + d.table().name() + ", which the previous release may still use"));
        } else if (op instanceof DropColumn d && s.existingColumn(d.schema(), d.table(), d.column().name())) {
            out.add(s.finding("deploy-drop-column", d.schema(), d.table(), "drops column " + d.table() + "."
                    + d.column().name() + ", which the previous release may still read or write"));
        } else if (op instanceof AlterColumn a && a.from().nullable() && !a.to().nullable()
                && s.existingColumn(a.schema(), a.table(), a.from().name()) && a.to().defaultValue() == null) {
            out.add(s.finding("deploy-not-null", a.schema(), a.table(), "makes column " + a.table() + "."
                    + a.from().name() + " NOT NULL without a default: inserts of the previous release that leave it "
                    + "out fail"));
        } else if (op instanceof AddColumn a && s.existing(a.schema(), a.table())
                && DataRules.newNotNullWithoutDefault(a.column())) {
            out.add(s.finding("deploy-not-null", a.schema(), a.table(), "adds column " + a.table() + "."
                    + a.column().name() + " NOT NULL without a default: the previous release does not write it, so "
                    + "its inserts fail"));
        }
    }
}
