package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.migrations.Advice;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL {@code upgrade} (or {@code downgrade}) would run, as a script a DBA can review and run: each
 * migration in its own transaction with its version-table row. Touches nothing: the database is at most
 * read, to learn where it is, and only when no starting point is given.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /**
     * @param from   the starting point ({@code base} or an id), or {@code null} to read it from the database
     * @param target the end point: {@code head} (default), {@code base}, {@code +N}, {@code -N} or an id
     */
    public static String render(Database database, MigrationChain chain, String from, String target, Console console) {
        DatabaseKind kind = database.kind();
        Dialect dialect = kind.dialect(database);
        VersionTable versions = new VersionTable(kind, dialect, database.schema());
        int start = from == null || from.isBlank() ? currentOf(database, chain, versions, console)
                : Targets.stamp(chain, from);
        int end = resolve(chain, start, target);
        boolean up = end >= start;
        boolean transactionalDdl = kind.transactionalDdl();
        List<Step> steps = up ? Planner.upgrade(chain, dialect, start, end, transactionalDdl)
                : Planner.downgrade(chain, dialect, start, end, transactionalDdl);
        StringBuilder out = new StringBuilder();
        out.append("-- Entity Migrations: ").append(up ? "upgrade" : "downgrade").append(" from ")
                .append(Targets.label(chain, start)).append(" to ").append(Targets.label(chain, end)).append(" for ")
                .append(dialect.name()).append(" (").append(steps.size()).append(" migration(s))\n");
        kind.scriptPreamble(database).forEach(s -> out.append(s).append(";\n"));
        if (start == 0 && up && !steps.isEmpty()) {
            out.append("\n-- the version table, created on first use\n");
            versions.createStatements().forEach(s -> out.append(s).append(";\n"));
        }
        for (Step step : steps) {
            out.append("\n-- ").append(step.upgrade() ? "" : "revert ").append(step.label()).append('\n');
            dialect.beforeMigration().forEach(s -> out.append(s).append(";\n"));
            if (step.atomic()) {
                out.append("begin;\n");
            } else if (!step.outsideTransaction()) {
                out.append("-- not one transaction: ").append(dialect.name()).append(" commits each DDL statement "
                        + "by itself. If a statement fails, the ones before it stay applied: undo them by hand (the "
                        + "upgrade goal undoes them itself)\n");
            }
            String timeout = step.file().migration().lockTimeout();
            List<String> lockTimeout = timeout == null ? List.of() : dialect.lockTimeout(timeout, !step.outsideTransaction());
            lockTimeout.forEach(s -> out.append(s).append(";\n"));
            step.statements().forEach(s -> out.append(SqliteDependents.scriptNote(s)).append(s).append(";\n"));
            out.append(versionRow(versions, step)).append(";\n");
            if (step.outsideTransaction() && !lockTimeout.isEmpty()) {
                out.append("reset lock_timeout;\n"); // a session setting outside a transaction: not left behind
            }
            if (step.atomic()) {
                out.append("commit;\n");
            }
            dialect.afterMigration().forEach(s -> out.append(s).append(";\n"));
        }
        return out.toString();
    }

    /**
     * The statements of the migrations {@code render} covers, in order: each migration's own steps, without
     * the bookkeeping around them (transactions, version rows, session settings).
     */
    public static List<String> statements(Database database, MigrationChain chain, String from, String target,
                                          Console console) {
        Dialect dialect = database.dialect();
        int start = from == null || from.isBlank()
                ? currentOf(database, chain, VersionTable.of(database), console)
                : Targets.stamp(chain, from);
        int end = resolve(chain, start, target);
        List<Step> steps = end >= start ? Planner.upgrade(chain, dialect, start, end)
                : Planner.downgrade(chain, dialect, start, end);
        return steps.stream().flatMap(s -> s.statements().stream()).toList();
    }

    private static int resolve(MigrationChain chain, int start, String target) {
        if (target != null && (target.startsWith("-") || target.equals("base"))) {
            return Targets.downgrade(chain, start, target);
        }
        if (target != null && !target.isBlank() && !target.equals("head") && !target.startsWith("+")) {
            int position = Targets.stamp(chain, target);
            return position < start ? Targets.downgrade(chain, start, target) : Targets.upgrade(chain, start, target);
        }
        return Targets.upgrade(chain, start, target);
    }

    private static int currentOf(Database database, MigrationChain chain, VersionTable versions, Console console) {
        if (versions.kind().notCreatedYet(database)) {
            console.info("-- " + database.describe() + " does not exist yet: starting from base");
            return 0;
        }
        try (Connection c = database.connect()) {
            if (versions.kind().readOnlyAfterOpen()) {
                c.setReadOnly(true);
            }
            if (!versions.exists(c)) {
                console.info("-- " + database.describe() + " has no " + VersionTable.NAME + " table: starting from base");
                return 0;
            }
            return AppliedHistory.verify(chain, versions.read(c), database).position();
        } catch (SQLException | MigrationException e) {
            throw new MigrationException("Cannot read where " + database.describe() + " is (" + e.getMessage()
                    + "). To write the script without a database, give the starting point: " + from("base") + " or "
                    + from("<id>"), e);
        }
    }

    /**
     * The version row; {@code applied_at} is the database's clock when the script runs, not when it was written.
     * It leaves {@code stamped} to its default (not stamped): the script runs the migration.
     */
    private static String versionRow(VersionTable versions, Step step) {
        if (!step.upgrade()) {
            return "delete from " + versions.qualifiedName() + " where id = " + literal(step.id());
        }
        return "insert into " + versions.qualifiedName() + " (id, message, checksum, applied_at, applied_by, "
                + "execution_ms) values (" + literal(step.id()) + ", " + literal(step.file().message())
                + ", " + literal(Checksums.of(step.file().migration())) + ", " + versions.nowExpression()
                + ", 'sql script', 0)";
    }

    static String literal(String s) {
        return s == null ? "null" : Dialect.literal(s);
    }

    /** The advice to start the script at {@code from}. */
    private static String from(String from) {
        return Advice.current().parameter(Advice.Goal.SQL, Advice.parameter(Advice.Setting.FROM, from));
    }
}
