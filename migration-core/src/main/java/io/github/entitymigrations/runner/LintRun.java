package io.github.entitymigrations.runner;

import io.github.entitymigrations.dialect.Dialect;
import io.github.entitymigrations.lint.LintFacts;
import io.github.entitymigrations.lint.LintReport;
import io.github.entitymigrations.lint.Linter;
import io.github.entitymigrations.migrations.Console;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.migrations.Replay;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.TableOperation;
import io.github.entitymigrations.schema.QualifiedName;
import io.github.entitymigrations.schema.Schema;
import io.github.entitymigrations.schema.Table;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lint of the migrations an upgrade would apply: from where the database is (read only, with its facts: row counts,
 * SQLite's views and triggers) or, given a starting point, without opening it. Nothing is changed.
 */
public final class LintRun {

    /** The operations naming a table whose facts to read (in {@link #touched}); the others name none that exists. */
    static final Set<Class<?>> NAMING_TABLES = OperationTypes.decided("runner.LintRun",
            Set.of(TableOperation.class, DropTable.class, RenameTable.class),
            Set.of(CreateTable.class, CreateSequence.class, DropSequence.class, AlterSequence.class, Sql.class));

    private LintRun() {
    }

    /**
     * @param from         {@code base} or an id to judge the migrations after it without a database; {@code null}
     *                     for the pending ones of the database, with its facts
     * @param target       the last to judge: {@code head} (default), {@code +N} or an id
     * @param ignoredRules rule ids silenced everywhere, already checked known
     */
    public static LintReport lint(Database database, MigrationChain chain, String from, String target,
                                  Set<String> ignoredRules, Console console) {
        Dialect dialect = database.dialect();
        boolean offline = from != null && !from.isBlank();
        if (offline) {
            int start = Targets.stamp(chain, from);
            return judge(chain, start, Targets.upgrade(chain, start, target), dialect, LintFacts.NONE, ignoredRules);
        }
        VersionTable versions = VersionTable.of(database);
        if (versions.kind().notCreatedYet(database)) {
            console.info(database.describe() + " does not exist yet: every migration is pending");
            return judge(chain, 0, Targets.upgrade(chain, 0, target), dialect, LintFacts.NONE, ignoredRules);
        }
        try (Connection c = database.connect()) {
            if (versions.kind().readOnlyAfterOpen()) {
                c.setReadOnly(true);
            }
            int start = versions.exists(c) ? AppliedHistory.verify(chain, versions.read(c), database).position() : 0;
            int end = Targets.upgrade(chain, start, target);
            List<MigrationFile> files = chain.migrations().subList(start, end);
            Schema before = Replay.of(chain.migrations().subList(0, start));
            LintFacts facts = LintFactsReader.read(c, dialect, touched(before, files), versions.schemaIdentifier());
            return Linter.lint(before, files, dialect.name(), facts, ignoredRules);
        } catch (SQLException e) {
            throw new MigrationException("Cannot read " + database.describe() + " for lint: " + e.getMessage(), e);
        }
    }

    private static LintReport judge(MigrationChain chain, int start, int end, Dialect dialect, LintFacts facts,
                                    Set<String> ignoredRules) {
        return Linter.lint(Replay.of(chain.migrations().subList(0, start)), chain.migrations().subList(start, end),
                dialect.name(), facts, ignoredRules);
    }

    /** The tables of {@code before} that the migrations change: the only ones whose facts matter. */
    private static List<Table> touched(Schema before, List<MigrationFile> files) {
        Set<String> named = new HashSet<>();
        for (MigrationFile f : files) {
            for (Operation op : f.migration().upgrade()) {
                if (op instanceof TableOperation t) {
                    named.add(QualifiedName.key(t.schema(), t.table()));
                } else if (op instanceof DropTable d) {
                    named.add(QualifiedName.key(d.table().schema(), d.table().name()));
                } else if (op instanceof RenameTable r) {
                    named.add(QualifiedName.key(r.schema(), r.from()));
                }
            }
        }
        return before.tables().stream().filter(t -> named.contains(QualifiedName.key(t.schema(), t.name()))).toList();
    }
}
