package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationFile;
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
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.schema.Column;
import io.github.entitymigrations.schema.Table;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Before a downgrade runs anything, finds the data it would destroy: rows of a dropped table, non-null values
 * of a dropped column, values a narrowed type does not keep. Counted read-only on the live database, before
 * the first statement. A multi-step downgrade is followed operation by operation through {@link LiveNames}:
 * renames lead back to the live object, whose rows are the ones at stake. A table or column the same
 * downgrade creates earlier holds only what that downgrade put there: nothing lost, unless a {@code sql} step
 * of the downgrade ran after it was created (it may have filled it), which cannot be counted before running,
 * so it counts as data at stake. {@code sql} steps themselves are not analysed, and a dropped sequence's
 * current value is not reported.
 */
final class DataLossGuard {

    /**
     * The operations that can destroy data; the others keep every row and value (a sql step is the author's).
     * Checked complete when the class loads ({@link OperationTypes#decided}).
     */
    private static final Set<Class<?>> DECIDED = OperationTypes.decided("runner.DataLossGuard",
            Set.of(DropTable.class, DropColumn.class, AlterColumn.class),
            Set.of(CreateTable.class, RenameTable.class, AddColumn.class, RenameColumn.class, AddPrimaryKey.class,
                    DropPrimaryKey.class, AddUnique.class, DropUnique.class, CreateIndex.class, DropIndex.class,
                    AddCheck.class, DropCheck.class, AddForeignKey.class, DropForeignKey.class, CreateSequence.class,
                    DropSequence.class, AlterSequence.class, Sql.class));

    private final Connection connection;
    private final Dialect dialect;
    private final List<String> losses = new ArrayList<>();

    private DataLossGuard(Connection connection, Dialect dialect) {
        this.connection = connection;
        this.dialect = dialect;
    }

    /**
     * Refuses the downgrade when it would destroy data, unless {@code allow}; then warns of what it destroys.
     *
     * @param current the database's position: the schema its applied migrations produce is where the steps start
     * @param move    "Downgrading from 0005 to 0003", the message's start
     */
    static void check(Connection c, Dialect dialect, MigrationChain chain, int current, List<Step> steps,
                      String move, boolean allow, Console console) throws SQLException {
        DataLossGuard guard = new DataLossGuard(c, dialect);
        SchemaState before = Planner.stateAt(chain.migrations(), current);
        LiveNames names = new LiveNames();
        for (Step step : steps) {
            for (Operation op : step.file().migration().revert()) {
                guard.inspect(step.file(), op, before, names);
                names.apply(op);
                op.applyTo(before);
            }
        }
        if (guard.losses.isEmpty()) {
            return;
        }
        String list = String.join("\n", guard.losses.stream().map(l -> "  - " + l).toList());
        if (!allow) {
            throw new MigrationException(move + " would destroy data:\n" + list + "\nNothing was run. Back it up, or "
                    + "run again with " + Advice.current().setting(Advice.Setting.ALLOW_DATA_LOSS, "true")
                    + " to proceed.");
        }
        console.warn(move + " destroys data (allowed by allowDataLoss):\n" + list);
    }

    private void inspect(MigrationFile f, Operation op, SchemaState state, LiveNames names) throws SQLException {
        if (op instanceof DropTable d) {
            Table t = d.table();
            LiveNames.Origin origin = names.table(t.schema(), t.name());
            if (origin.isNew()) {
                uncountable(f, "drops table " + t.qualifiedName(), origin, names);
            } else {
                long rows = count(from(t.schema(), origin.name(), t.quoted()), null);
                add(f, rows, "drops table " + t.qualifiedName() + ", which has " + number(rows) + " row(s)");
            }
        } else if (op instanceof DropColumn d) {
            column(f, d.schema(), d.table(), d.column(), state, names, null, "drops column "
                    + qualified(d.schema(), d.table()) + "." + d.column().name());
        } else if (op instanceof AlterColumn a && AlterColumn.narrows(a.from().type(), a.to().type())) {
            column(f, a.schema(), a.table(), a.from(), state, names, a, "changes column "
                    + qualified(a.schema(), a.table()) + "." + a.from().name() + " from " + a.from().type() + " to "
                    + a.to().type());
        }
    }

    private void column(MigrationFile f, String schema, String table, Column column, SchemaState state,
                        LiveNames names, AlterColumn alter, String what) throws SQLException {
        LiveNames.Origin origin = names.column(schema, table, column.name());
        if (origin.isNew()) {
            uncountable(f, what, origin, names);
            return;
        }
        Table t = state.table(schema, table);
        String name = dialect.identifier(origin.name(), column.quoted());
        String source = from(schema, names.table(schema, table).name(), t.quoted());
        if (alter == null) {
            long values = count(source, name + " is not null");
            add(f, values, what + ", which holds " + number(values) + " non-null value(s)");
        } else {
            LossQueries.Lost lost = LossQueries.narrowing(name, alter.from().type(), alter.to().type(),
                    dialect instanceof io.github.entitymigrations.dialect.MariaDbDialect);
            if (lost != null) {
                long values = count(source, "(" + lost.condition() + ")");
                add(f, values, what + ": " + number(values) + " " + lost.what());
            }
        }
    }

    private void uncountable(MigrationFile f, String what, LiveNames.Origin origin, LiveNames names) {
        if (origin.createdAt() < names.lastSql()) {
            losses.add(f.id() + " " + what + ", which this downgrade creates earlier and a sql step after that may "
                    + "fill: it cannot be counted before running");
        }
    }

    private void add(MigrationFile f, long count, String line) {
        if (count > 0) {
            losses.add(f.id() + " " + line);
        }
    }

    private long count(String table, String condition) throws SQLException {
        String sql = "select count(*) from " + table + (condition == null ? "" : " where " + condition);
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String from(String schema, String table, boolean quoted) {
        String name = dialect.identifier(table, quoted);
        return schema == null ? name : dialect.identifier(schema, false) + "." + name;
    }

    private static String qualified(String schema, String table) {
        return schema == null ? table : schema + "." + table;
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
