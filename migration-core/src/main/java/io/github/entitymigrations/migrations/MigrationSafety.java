package io.github.entitymigrations.migrations;

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
import io.github.entitymigrations.operations.SqlSafety;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.SqlExpression;
import io.github.entitymigrations.schema.SqlStatement;
import io.github.entitymigrations.schema.Table;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What in a migration file would make it do something other than it says, found before anything runs: a
 * {@code sql} statement that ends or escapes the migration's transaction ({@link SqlSafety}), text ending inside
 * a quote or comment, a step with no statements for the database in use, a server default that is not one SQL
 * expression ({@link SqlExpression}), a {@code downgrade} list that is not the reverse of {@code upgrade}
 * ({@link DowngradeList}), an index built or dropped {@code concurrently} in a migration that runs in a transaction
 * (PostgreSQL refuses it there; refused on every database, since the file is wrong as written). Pure: the runner's
 * planner asks for the database in use, {@code check}
 * for every database. One line per problem, naming the file, the migration, the step (counted from 1, as
 * {@code generate} prints them) and the statement.
 */
public final class MigrationSafety {

    /**
     * The operations that carry column definitions to check; the others have none. Checked complete when the class
     * loads ({@link OperationTypes#decided}).
     */
    private static final Set<Class<?>> DECIDED = OperationTypes.decided("migrations.MigrationSafety",
            Set.of(CreateTable.class, DropTable.class, AddColumn.class, DropColumn.class, AlterColumn.class),
            Set.of(RenameTable.class, RenameColumn.class, AddPrimaryKey.class, DropPrimaryKey.class, AddUnique.class,
                    DropUnique.class, CreateIndex.class, DropIndex.class, AddCheck.class, DropCheck.class,
                    AddForeignKey.class, DropForeignKey.class, CreateSequence.class, DropSequence.class,
                    AlterSequence.class, Sql.class));

    private MigrationSafety() {
    }

    /**
     * The problems on any database, for {@code check}, which has none. A step that names only some databases
     * (a project using one) is no problem here; on a database it does not name, planning refuses it.
     */
    public static List<String> problems(MigrationFile f) {
        return problems(f, null);
    }

    /** The problems when {@code f} runs on {@code dialect} ({@code postgresql}, {@code sqlite}). */
    public static List<String> problems(MigrationFile f, String dialect) {
        Set<String> problems = new LinkedHashSet<>(); // a "*" statement refused on both databases is one problem
        Migration m = f.migration();
        String where = f.fileName() + " (migration " + f.id() + "), ";
        // What can run: the steps' own statements; a step's "downgrade" statements only when the file leaves its
        // "downgrade" list empty (else those of the "downgrade" list's steps run, the same text in generated files).
        check(where + "\"upgrade\" step ", m.upgrade(), dialect, m.outsideTransaction(), m.downgrade().isEmpty(),
                problems);
        check(where + "\"downgrade\" step ", m.downgrade(), dialect, m.outsideTransaction(), false, problems);
        problems.addAll(DowngradeList.problems(f)); // a downgrade that skips a hand-added step does other than it says
        return List.copyOf(problems);
    }

    private static void check(String where, List<Operation> ops, String dialect, boolean outside,
                              boolean downgradesRun, Set<String> out) {
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if (op instanceof Sql sql) {
                String step = where + (i + 1);
                statements(step, "", sql.upgrade(), dialect, outside, out);
                if (downgradesRun) {
                    statements(step, "'s \"downgrade\"", sql.downgrade(), dialect, outside, out);
                }
                check(step + "'s schemaChanges, step ", sql.schemaChanges(), dialect, outside, false, out);
            }
            if (!outside && concurrently(op)) {
                out.add(where + (i + 1) + " (" + op.describe() + "): PostgreSQL cannot build or drop an index "
                        + "concurrently inside a transaction, and this migration runs in one. Mark the migration "
                        + "\"outsideTransaction\": true, or move the step into a migration of its own that is (a "
                        + "failure there leaves the steps before it applied)");
            }
            for (Column c : columns(op)) {
                String problem = SqlExpression.problem(c.defaultValue());
                if (problem != null) {
                    out.add(where + (i + 1) + ": the default of column " + c.name() + " (" + c.defaultValue() + ") "
                            + problem + ". A server default must be one SQL expression: fix it in the entity "
                            + "(@ServerDefault or @ColumnDefault) and in this file");
                }
            }
        }
    }

    private static void statements(String step, String which, Map<String, List<String>> byDialect, String dialect,
                                   boolean outside, Set<String> out) {
        if (byDialect.isEmpty()) {
            return; // an irreversible step has no downgrade
        }
        for (String d : dialect == null ? Sql.DIALECTS.keySet() : List.of(dialect)) {
            String key = Sql.keyFor(byDialect, d);
            if (key == null) {
                if (dialect != null) {
                    out.add(step + which + ": " + Sql.missing(d));
                }
                continue;
            }
            List<SqlStatement> all = Sql.statements(byDialect, d);
            for (int j = 0; j < all.size(); j++) {
                SqlStatement s = all.get(j);
                String reason = s.unterminated() != null ? "the text ends inside " + s.unterminated()
                        + ": close it (a statement cut short would not run as written)"
                        : SqlSafety.refusal(s, d, outside);
                if (reason != null) {
                    out.add(step + which + ", \"" + key + "\" statement " + (j + 1) + " of " + all.size() + " ("
                            + abbreviate(s.text()) + "): " + reason);
                }
            }
        }
    }

    /** Whether {@code op} builds or drops an index {@code concurrently}, which no transaction may hold. */
    private static boolean concurrently(Operation op) {
        return op instanceof CreateIndex c && c.concurrently() || op instanceof DropIndex d && d.concurrently();
    }

    private static List<Column> columns(Operation op) {
        if (op instanceof CreateTable c) {
            return columns(c.table());
        } else if (op instanceof DropTable d) {
            return columns(d.table());
        } else if (op instanceof AddColumn a) {
            return List.of(a.column());
        } else if (op instanceof DropColumn d) {
            return List.of(d.column());
        } else if (op instanceof AlterColumn a) {
            return List.of(a.from(), a.to());
        }
        return List.of();
    }

    private static List<Column> columns(Table t) {
        return t == null ? List.of() : t.columns();
    }

    private static String abbreviate(String statement) {
        String one = statement.strip().replaceAll("\\s+", " ");
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }
}
