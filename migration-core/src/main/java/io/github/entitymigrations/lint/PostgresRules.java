package io.github.entitymigrations.lint;

import io.github.entitymigrations.dialect.PostgresRewrites;
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
import io.github.entitymigrations.schema.CheckConstraint;
import io.github.entitymigrations.schema.Table;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** PostgreSQL's locks: steps on an existing table that block its reads or writes for as long as a scan or build. */
final class PostgresRules implements Judge {

    static final Set<Class<?>> DECIDED = OperationTypes.decided("lint.PostgresRules",
            Set.of(CreateIndex.class, AddUnique.class, AddPrimaryKey.class, AddForeignKey.class, AddCheck.class,
                    AlterColumn.class, AddColumn.class),
            Set.of(CreateTable.class, DropTable.class, RenameTable.class, DropColumn.class, RenameColumn.class,
                    DropPrimaryKey.class, DropUnique.class, DropIndex.class, DropCheck.class, DropForeignKey.class,
                    CreateSequence.class, DropSequence.class, AlterSequence.class, Sql.class));

    /** Defaults computed per row: PostgreSQL rewrites the table to store each row's own value. */
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(random|gen_random_uuid|uuid_generate_v[14]\\w*"
            + "|clock_timestamp|timeofday|nextval|txid_current|pg_current_xact_id)\\s*\\(");

    @Override
    public void judge(StepView s, List<Finding> out) {
        Operation op = s.op();
        if (op instanceof CreateIndex i && !i.concurrently() && s.existing(i.schema(), i.table())) {
            out.add(s.finding("pg-index-not-concurrent", i.schema(), i.table(), "creates index " + i.index().name()
                    + " on " + i.table() + s.rowsNote(i.schema(), i.table())
                    + " without concurrently: writes to it wait for the build (SHARE lock)"));
        } else if (op instanceof AddUnique u && s.existing(u.schema(), u.table())) {
            unique(s, u.schema(), u.table(), "unique constraint " + u.unique().name(), out);
        } else if (op instanceof AddPrimaryKey p && s.existing(p.schema(), p.table())) {
            unique(s, p.schema(), p.table(), "primary key " + p.primaryKey().name(), out);
        } else if (op instanceof AddForeignKey f && !f.notValid() && s.existing(f.schema(), f.table())) {
            out.add(s.finding("pg-fk-not-valid", f.schema(), f.table(), "adds foreign key " + f.foreignKey().name()
                    + " on " + f.table() + s.rowsNote(f.schema(), f.table()) + " without not valid: writes to "
                    + f.table() + " and " + f.foreignKey().referencedTable() + " wait for the check of every row "
                    + "(SHARE ROW EXCLUSIVE)"));
        } else if (op instanceof AddCheck c && !c.notValid() && s.existing(c.schema(), c.table())) {
            out.add(s.finding("pg-check-not-valid", c.schema(), c.table(), "adds check constraint " + c.check().name()
                    + " on " + c.table() + s.rowsNote(c.schema(), c.table()) + " without not valid: reads and writes "
                    + "wait for the check of every row (ACCESS EXCLUSIVE)"));
        } else if (op instanceof AlterColumn a && s.existing(a.schema(), a.table())) {
            alter(s, a, out);
        } else if (op instanceof AddColumn a && a.column().defaultValue() != null && s.existing(a.schema(), a.table())
                && VOLATILE.matcher(a.column().defaultValue()).find()) {
            out.add(s.finding("pg-volatile-default", a.schema(), a.table(), "adds column " + a.table() + "."
                    + a.column().name() + " with the volatile default " + a.column().defaultValue() + ": the table"
                    + s.rowsNote(a.schema(), a.table()) + " is rewritten under ACCESS EXCLUSIVE"));
        }
    }

    private static void unique(StepView s, String schema, String table, String what, List<Finding> out) {
        out.add(s.finding("pg-unique-not-concurrent", schema, table, "adds " + what + " on " + table
                + s.rowsNote(schema, table) + ": its index is built under ACCESS EXCLUSIVE, reads and writes wait"));
    }

    private static void alter(StepView s, AlterColumn a, List<Finding> out) {
        String column = a.table() + "." + a.from().name();
        boolean columnExisted = s.existingColumn(a.schema(), a.table(), a.from().name());
        if (columnExisted && PostgresRewrites.rewrites(a.from(), a.to())) {
            out.add(s.finding("pg-type-rewrite", a.schema(), a.table(), "changes column " + column + " from "
                    + DataRules.type(a.from()) + " to " + DataRules.type(a.to()) + ", which rewrites the table"
                    + s.rowsNote(a.schema(), a.table()) + " under ACCESS EXCLUSIVE"));
        }
        if (a.from().nullable() && !a.to().nullable() && !provenNotNull(s.table(a.schema(), a.table()),
                a.from().name())) {
            out.add(s.finding("pg-set-not-null", a.schema(), a.table(), "sets column " + column + " not null: the "
                    + "table" + s.rowsNote(a.schema(), a.table()) + " is scanned under ACCESS EXCLUSIVE"));
        }
    }

    /** Whether a check {@code <column> is not null} is on the table: PostgreSQL 12+ then sets NOT NULL without a scan. */
    static boolean provenNotNull(Table t, String column) {
        if (t == null) {
            return false;
        }
        Pattern isNotNull = Pattern.compile("(?i)^\\s*\\(*\\s*\"?" + Pattern.quote(column)
                + "\"?\\s+is\\s+not\\s+null\\s*\\)*\\s*$");
        for (CheckConstraint c : t.checks()) {
            if (c.expression() != null && isNotNull.matcher(c.expression()).matches()) {
                return true;
            }
        }
        return false;
    }
}
