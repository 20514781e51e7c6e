package io.github.entitymigrations.lint;

import io.github.entitymigrations.migrations.LintSection;
import io.github.entitymigrations.migrations.Migration;
import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.migrations.MigrationFile;
import io.github.entitymigrations.migrations.Replay;
import io.github.entitymigrations.operations.AlterSequence;
import io.github.entitymigrations.operations.CreateIndex;
import io.github.entitymigrations.operations.CreateSequence;
import io.github.entitymigrations.operations.CreateTable;
import io.github.entitymigrations.operations.DropSequence;
import io.github.entitymigrations.operations.OperationTypes;
import io.github.entitymigrations.operations.Sql;
import io.github.entitymigrations.operations.DropIndex;
import io.github.entitymigrations.operations.DropTable;
import io.github.entitymigrations.operations.Operation;
import io.github.entitymigrations.operations.RenameTable;
import io.github.entitymigrations.operations.SchemaState;
import io.github.entitymigrations.operations.TableOperation;
import io.github.entitymigrations.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Judges migrations, in chain order, for one database: each step against the schema the steps before it produce, the
 * tables that existed before its migration, and what the database says ({@link LintFacts}). Pure: no database is
 * opened here. Findings a file's {@code "lint"} section or the build's rule list silences are kept, marked, so a
 * report shows them with their reason.
 */
public final class Linter {

    /** What takes a lock on an existing table ({@link #locksExisting}): every operation on a table, drop and rename. */
    static final Set<Class<?>> LOCKING = OperationTypes.decided("lint.Linter",
            Set.of(TableOperation.class, DropTable.class, RenameTable.class),
            Set.of(CreateTable.class, CreateSequence.class, DropSequence.class, AlterSequence.class, Sql.class));

    /** The reason recorded on a finding the build's own list of ignored rules silences. */
    public static final String BUILD_IGNORED = "rule ignored for the whole build";

    private Linter() {
    }

    /**
     * @param before       the schema before the first of {@code files} (the replay of the migrations before them)
     * @param files        the migrations to judge, in chain order
     * @param dialect      {@code postgresql} or {@code sqlite}
     * @param facts        what the database says, or {@link LintFacts#NONE}
     * @param ignoredRules rule ids silenced everywhere (checked known by the caller: {@link Rules#requireKnown})
     * @throws MigrationException when a file silences an unknown rule, or a step does not fit the schema before it
     */
    public static LintReport lint(Schema before, List<MigrationFile> files, String dialect, LintFacts facts,
                                  Set<String> ignoredRules) {
        SchemaState state = new SchemaState(before);
        List<Finding> all = new ArrayList<>();
        for (MigrationFile file : files) {
            all.addAll(judge(file, state, dialect, facts, ignoredRules));
        }
        return new LintReport(dialect, files.stream().map(MigrationFile::id).toList(), facts.known(), all);
    }

    /**
     * The migrations of {@code chain} from position {@code start} (0: all) to its head, without a database: what
     * {@code check} and {@code generate} judge.
     */
    public static LintReport offline(MigrationChain chain, int start, String dialect, Set<String> ignoredRules) {
        List<MigrationFile> all = chain.migrations();
        return lint(Replay.of(all.subList(0, start)), all.subList(start, all.size()), dialect, LintFacts.NONE,
                ignoredRules);
    }

    private static List<Finding> judge(MigrationFile file, SchemaState state, String dialect, LintFacts facts,
                                       Set<String> ignoredRules) {
        Migration m = file.migration();
        LintSection section = m.lint();
        if (section != null) {
            Rules.requireKnown(section.ignore().stream().map(LintSection.Ignore::rule).toList(), file.fileName()
                    + " (migration " + file.id() + "), \"lint\" \"ignore\",");
        }
        List<Judge> judges = judges(dialect);
        Existing history = new Existing(state.toSchema());
        List<Finding> found = new ArrayList<>();
        int lockStep = 0;
        List<Operation> ops = m.upgrade();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            StepView step = StepView.of(file, i + 1, op, state, ops.subList(0, i), history, facts, dialect);
            for (Judge judge : judges) {
                judge.judge(step, found);
            }
            if (lockStep == 0 && locksExisting(op, history)) {
                lockStep = i + 1;
            }
            apply(file, i, op, state);
            history.after(op);
        }
        if (dialect.equals("postgresql") && m.lockTimeout() == null && lockStep > 0) {
            found.add(StepView.of(file, lockStep, ops.get(lockStep - 1), state, List.of(), history, facts,
                    dialect).finding("pg-lock-timeout", null, null, "takes locks on existing tables"
                    + (m.outsideTransaction() ? "" : " in one transaction") + " with no \"lockTimeout\": if a long "
                    + "transaction holds the table, this waits and every query on it queues behind"));
        }
        found.removeIf(f -> !Rules.byId(f.rule()).appliesTo(dialect));
        found.sort(Comparator.comparingInt(Finding::step));
        return found.stream().map(f -> silence(f, section, ignoredRules)).toList();
    }

    private static List<Judge> judges(String dialect) {
        List<Judge> judges = new ArrayList<>(List.of(new DataRules(), new DeployRules(), new UndoRules()));
        if (dialect.equals("postgresql")) {
            judges.add(new PostgresRules());
        } else if (dialect.equals("sqlite")) {
            judges.add(new SqliteRules());
        } else if (dialect.equals("mariadb") || dialect.equals("mysql")) {
            judges.add(new MariaDbRules());
        }
        return judges;
    }

    /**
     * DDL that takes a lock on a table existing before the migration; a concurrent index build or drop takes one that
     * lets writes go on, so a migration of only those needs no lock timeout.
     */
    private static boolean locksExisting(Operation op, Existing history) {
        if (op instanceof CreateIndex c && c.concurrently() || op instanceof DropIndex d && d.concurrently()) {
            return false;
        }
        if (op instanceof TableOperation t) {
            return history.table(t.schema(), t.table());
        }
        if (op instanceof DropTable d) {
            return history.table(d.table().schema(), d.table().name());
        }
        return op instanceof RenameTable r && history.table(r.schema(), r.from());
    }

    private static Finding silence(Finding f, LintSection section, Set<String> ignoredRules) {
        if (section != null) {
            for (LintSection.Ignore ignore : section.ignore()) {
                if (ignore.silences(f.rule(), f.step())) {
                    return f.silencedBecause(ignore.reason());
                }
            }
        }
        return ignoredRules.contains(f.rule()) ? f.silencedBecause(BUILD_IGNORED) : f;
    }

    private static void apply(MigrationFile file, int index, Operation op, SchemaState state) {
        try {
            op.applyTo(state);
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
            throw new MigrationException("Migration " + file.id() + " (" + file.fileName() + "), step " + (index + 1)
                    + " (" + op.describe() + ") does not fit the schema the migrations before it produce: "
                    + e.getMessage());
        }
    }
}
