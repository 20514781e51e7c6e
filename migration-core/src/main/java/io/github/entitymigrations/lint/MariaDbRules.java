package io.github.entitymigrations.lint;

import io.github.entitymigrations.dialect.MariaDbDialect;
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
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * MariaDB's and MySQL's table copies: the steps on an existing table that InnoDB can only do with
 * {@code ALGORITHM=COPY}, which blocks writes to the table until every row is copied. Measured on MariaDB 10.11 with
 * {@code ALGORITHM=INPLACE, LOCK=NONE} (refused for exactly these) and as MySQL 8's online DDL tables document them.
 * Not flagged, because InnoDB does them instantly or in place with writes going on: adding a column (instant on
 * MySQL 8.0.12+ and MariaDB 10.3+), dropping or renaming one, a default, NULL/NOT NULL, creating or dropping an
 * index, a unique key or a primary key added (a rebuild in place), dropping a foreign key or check, renaming a table.
 * A STRING enum's check is the column's {@code enum} type there, so adding or dropping one is a type change.
 */
final class MariaDbRules implements Judge {

    static final Set<Class<?>> DECIDED = OperationTypes.decided("lint.MariaDbRules",
            Set.of(AlterColumn.class, AddForeignKey.class, AddCheck.class, DropCheck.class, DropPrimaryKey.class),
            Set.of(CreateTable.class, DropTable.class, RenameTable.class, AddColumn.class, DropColumn.class,
                    RenameColumn.class, AddPrimaryKey.class, AddUnique.class, DropUnique.class, CreateIndex.class,
                    DropIndex.class, DropForeignKey.class, CreateSequence.class, DropSequence.class,
                    AlterSequence.class, Sql.class));

    /** Renders steps as upgrade would (both flavours write checks and enums alike). */
    private static final MariaDbDialect DIALECT = MariaDbDialect.mariadb(null);

    /** The longest varchar (in characters) whose utf8mb4 values fit a one-byte length prefix. */
    static final int ONE_BYTE_PREFIX_CHARACTERS = 63;

    /** The longest varchar in utf8mb4 (65,535 bytes a row); longer ones are text types. */
    static final int LONGEST_VARCHAR = 16_383;

    @Override
    public void judge(StepView s, List<Finding> out) {
        Operation op = s.op();
        if (op instanceof AlterColumn a && s.existing(a.schema(), a.table())
                && s.existingColumn(a.schema(), a.table(), a.from().name()) && copies(a.from(), a.to())) {
            out.add(s.finding("mysql-type-copy", a.schema(), a.table(), "changes column " + a.table() + "."
                    + a.from().name() + " from " + DataRules.type(a.from()) + " to " + DataRules.type(a.to())
                    + ": the table" + s.rowsNote(a.schema(), a.table()) + " is copied (ALGORITHM=COPY) and writes to "
                    + "it wait"));
        } else if (op instanceof AddForeignKey f && s.existing(f.schema(), f.table())) {
            out.add(s.finding("mysql-fk-copy", f.schema(), f.table(), "adds foreign key " + f.foreignKey().name()
                    + " on " + f.table() + s.rowsNote(f.schema(), f.table()) + ": with foreign_key_checks on, the "
                    + "table is copied (ALGORITHM=COPY) and writes to it wait"));
        } else if (op instanceof AddCheck c && s.existing(c.schema(), c.table()) && isEnumType(s)) {
            out.add(s.finding("mysql-type-copy", c.schema(), c.table(), "makes column " + c.table() + "."
                    + c.check().column() + " the enum of check " + c.check().name() + ": the table"
                    + s.rowsNote(c.schema(), c.table()) + " is copied (ALGORITHM=COPY) and writes to it wait"));
        } else if (op instanceof DropCheck c && s.existing(c.schema(), c.table()) && isEnumType(s)) {
            out.add(s.finding("mysql-type-copy", c.schema(), c.table(), "drops check " + c.check().name()
                    + ", the enum type of column " + c.table() + "." + c.check().column() + ", so the column gets its "
                    + "own type back: the table" + s.rowsNote(c.schema(), c.table()) + " is copied (ALGORITHM=COPY) "
                    + "and writes to it wait"));
        } else if (op instanceof AddCheck c && s.existing(c.schema(), c.table())) {
            out.add(s.finding("mysql-check-copy", c.schema(), c.table(), "adds check constraint " + c.check().name()
                    + " on " + c.table() + s.rowsNote(c.schema(), c.table()) + ": the table is copied "
                    + "(ALGORITHM=COPY) and writes to it wait"));
        } else if (op instanceof DropPrimaryKey p && s.existing(p.schema(), p.table())) {
            out.add(s.finding("mysql-drop-pk-copy", p.schema(), p.table(), "drops the primary key of " + p.table()
                    + s.rowsNote(p.schema(), p.table()) + " on its own: the table is copied (ALGORITHM=COPY) and "
                    + "writes to it wait"));
        }
    }

    /**
     * Whether the dialect makes the step's check a column's native {@code enum} type (a STRING enum, as Hibernate
     * creates it), so adding or dropping it is a {@code modify column}: a type change.
     */
    private static boolean isEnumType(StepView s) {
        try {
            return DIALECT.render(s.op(), s.before().get()).stream().anyMatch(sql -> sql.contains(" modify column "));
        } catch (RuntimeException e) {
            return false; // a step the dialect cannot render is the planner's to refuse, not a copy
        }
    }

    /**
     * Whether changing {@code from} to {@code to} changes the stored type, which InnoDB does only by copying: any
     * change of type, length, precision or scale, except a varchar made longer within the same length prefix.
     */
    static boolean copies(Column from, Column to) {
        if (from.columnDefinition() != null || to.columnDefinition() != null) {
            return !spelled(from).equals(spelled(to));
        }
        ColumnType a = from.type();
        ColumnType b = to.type();
        if (a.equals(b)) {
            return false;
        }
        boolean varchars = a.name().equalsIgnoreCase("VARCHAR") && b.name().equalsIgnoreCase("VARCHAR")
                && a.length() != null && b.length() != null;
        return !(varchars && b.length() >= a.length() && b.length() <= LONGEST_VARCHAR
                && (a.length() <= ONE_BYTE_PREFIX_CHARACTERS) == (b.length() <= ONE_BYTE_PREFIX_CHARACTERS));
    }

    /** A column's type in one spelling: a definition's part before a default, NOT NULL or the like. */
    private static String spelled(Column c) {
        if (c.columnDefinition() == null) {
            return DataRules.type(c).toLowerCase(Locale.ROOT).replace(" ", "");
        }
        String d = c.columnDefinition().strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return d.replaceAll(" (default|not null|null|primary key|unique|check|references|comment|collate)\\b.*$", "")
                .replace(" ", "");
    }
}
