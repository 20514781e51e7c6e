package io.github.entitymigrations.lint;

import io.github.entitymigrations.lint.Rule.Category;
import io.github.entitymigrations.migrations.MigrationException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every lint rule, in the order the README's table lists them. */
public final class Rules {

    /** Every database: what a step does to data and to the running application is the same everywhere. */
    private static final Set<String> EVERY = Set.of("postgresql", "sqlite", "mariadb", "mysql");
    private static final Set<String> PG = Set.of("postgresql");
    private static final Set<String> SQLITE = Set.of("sqlite");
    private static final Set<String> MYSQL = Set.of("mariadb", "mysql");

    public static final List<Rule> ALL = List.of(
            rule("drop-table", Category.DATA_LOSS, Severity.WARNING, EVERY, "drops a table",
                    "its rows are gone; a downgrade creates it again, empty",
                    "copy the rows elsewhere first if they may be needed, or keep the table until a later release"),
            rule("drop-column", Category.DATA_LOSS, Severity.WARNING, EVERY, "drops a column",
                    "its values are gone; a downgrade adds it again, empty",
                    "copy the values elsewhere first if they may be needed, or keep the column until a later release"),
            rule("narrow-type", Category.DATA_LOSS, Severity.WARNING, EVERY,
                    "narrows a column's type, length, precision or scale",
                    "values that do not fit make the step fail, or are cut or rounded",
                    "check the existing values first (e.g. select max(length(col))), fix those that do not fit in a "
                            + "sql step before, or keep the wider type"),
            rule("drop-default", Category.DATA_LOSS, Severity.WARNING, EVERY, "removes a column's server default",
                    "inserts that leave the column out, relying on the default, now write null or fail",
                    "remove the default only once every running release writes the column itself"),
            rule("not-null-without-default", Category.EXISTING_ROWS, Severity.WARNING, EVERY,
                    "a new NOT NULL column without a default, or a column made NOT NULL, on a table with rows",
                    "the existing rows hold null there, so the step fails",
                    "give the column a server default, or a backfill (@Backfill(\"<expression>\") on the attribute, or a "
                            + "backfill entry for generate): generate then writes it nullable, fills it (update <table> "
                            + "set <col> = ... where <col> is null) and makes it NOT NULL"),
            rule("unique-on-existing", Category.EXISTING_ROWS, Severity.WARNING, EVERY,
                    "a unique constraint, unique index or primary key added to an existing table",
                    "duplicate values already there make the step fail",
                    "look for duplicates first (select <cols>, count(*) from <table> group by <cols> having count(*) "
                            + "> 1) and resolve them in a sql step before"),
            rule("check-on-existing", Category.EXISTING_ROWS, Severity.WARNING, EVERY,
                    "a check constraint added to an existing table", "rows that break it make the step fail",
                    "find and fix the rows that break it first, in a sql step before"),
            rule("fk-on-existing", Category.EXISTING_ROWS, Severity.WARNING, EVERY,
                    "a foreign key added to an existing table",
                    "rows that reference a missing row make the step fail",
                    "find the orphans first (a left join where the referenced row is null) and fix them in a sql step "
                            + "before"),
            rule("pg-index-not-concurrent", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "create index without concurrently on an existing table",
                    "takes a SHARE lock: inserts, updates and deletes wait until the whole index is built",
                    "set \"concurrently\": true on the step and \"outsideTransaction\": true on the migration, in a "
                            + "migration of its own (generate's online mode writes it so)"),
            rule("pg-unique-not-concurrent", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "a unique constraint or primary key added to an existing table",
                    "builds its index under an ACCESS EXCLUSIVE lock: reads and writes wait until it is built",
                    "create a unique index concurrently in a migration of its own, then add the constraint with "
                            + "alter table ... add constraint ... unique using index ... in a sql step"),
            rule("pg-fk-not-valid", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "a foreign key added to an existing table without not valid",
                    "checks every row under a SHARE ROW EXCLUSIVE lock on both tables: writes to both wait",
                    "set \"notValid\": true, then validate it in a later migration with a sql step alter table ... "
                            + "validate constraint ... (a SHARE UPDATE EXCLUSIVE lock: writes go on); generate's online "
                            + "mode writes it so"),
            rule("pg-check-not-valid", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "a check constraint added to an existing table without not valid",
                    "checks every row under an ACCESS EXCLUSIVE lock: reads and writes wait",
                    "set \"notValid\": true, then validate it in a later migration with a sql step alter table ... "
                            + "validate constraint ... (a SHARE UPDATE EXCLUSIVE lock: writes go on); generate's online "
                            + "mode writes it so"),
            rule("pg-set-not-null", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "set not null on a column of an existing table",
                    "scans the whole table under an ACCESS EXCLUSIVE lock",
                    "on PostgreSQL 12+, first add a check (<col> is not null) with \"notValid\": true, validate it in "
                            + "a later migration, then set not null (no scan) and drop the check; generate's online mode "
                            + "writes it so"),
            rule("pg-type-rewrite", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "a column type change that rewrites the table",
                    "rewrites every row and rebuilds the table's indexes under an ACCESS EXCLUSIVE lock (widening a "
                            + "varchar, varchar to text, or raising a numeric's precision does not)",
                    "add a column of the new type, fill it in batches, switch the code to it, then drop the old one "
                            + "in a later release"),
            rule("pg-volatile-default", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "a new column with a volatile default (random(), gen_random_uuid(), clock_timestamp(), nextval) "
                            + "on an existing table",
                    "every row needs its own value, so the table is rewritten under an ACCESS EXCLUSIVE lock (a "
                            + "constant, now() or current_timestamp is stored once since PostgreSQL 11)",
                    "add the column without the default, set the default in a later step, and fill the existing rows "
                            + "in batches"),
            rule("pg-lock-timeout", Category.POSTGRESQL_LOCKING, Severity.WARNING, PG,
                    "DDL on an existing table in a migration without \"lockTimeout\"",
                    "a DDL lock request waits behind any long transaction, and every query on the table queues "
                            + "behind it: the application stalls",
                    "set \"lockTimeout\": \"5s\" on the migration (a failed attempt rolls back; run it again); "
                            + "generate's online mode sets it"),
            rule("mysql-type-copy", Category.MYSQL_LOCKING, Severity.WARNING, MYSQL,
                    "a column type change on an existing table (modify column)",
                    "InnoDB changes a type only by copying the table (ALGORITHM=COPY): writes to it wait until every "
                            + "row is copied and the indexes rebuilt (widening a varchar within the same length prefix, "
                            + "up to 63 or from 64 characters in utf8mb4, is done in place)",
                    "add a column of the new type, fill it in batches, switch the code to it, then drop the old one "
                            + "in a later release; or run the change with an online schema change tool (gh-ost, "
                            + "pt-online-schema-change)"),
            rule("mysql-fk-copy", Category.MYSQL_LOCKING, Severity.WARNING, MYSQL,
                    "a foreign key added to an existing table",
                    "with foreign_key_checks on, InnoDB adds it only by copying the table (ALGORITHM=COPY): writes "
                            + "to it wait until every row is copied and checked",
                    "find and fix the orphans first, then add the key in a sql step that turns the checks off for "
                            + "that statement only (set foreign_key_checks = 0; alter table ... add constraint ... "
                            + "foreign key ...; set foreign_key_checks = 1): in place, without a copy, but the existing "
                            + "rows are not checked"),
            rule("mysql-check-copy", Category.MYSQL_LOCKING, Severity.WARNING, MYSQL,
                    "a check constraint added to an existing table",
                    "InnoDB adds a check only by copying the table (ALGORITHM=COPY), checking every row: writes to "
                            + "it wait until the copy is done",
                    "on a large table, run it when writes can wait or with an online schema change tool (gh-ost, "
                            + "pt-online-schema-change); or enforce the rule in the application"),
            rule("mysql-drop-pk-copy", Category.MYSQL_LOCKING, Severity.WARNING, MYSQL,
                    "a primary key dropped without adding another in the same statement",
                    "InnoDB drops a primary key alone only by copying the table (ALGORITHM=COPY): writes wait until "
                            + "every row is copied",
                    "replace the key in one statement, in a sql step: alter table ... drop primary key, add primary "
                            + "key (...) is done in place and lets writes go on"),
            rule("deploy-rename-table", Category.ROLLING_DEPLOY, Severity.WARNING, EVERY, "renames a table",
                    "during a rolling deploy the previous release still runs and uses the old name: its queries fail",
                    "expand/contract: create the new table, have one release write both, copy the rows, switch reads, "
                            + "and drop the old table in a later release"),
            rule("deploy-rename-column", Category.ROLLING_DEPLOY, Severity.WARNING, EVERY, "renames a column",
                    "during a rolling deploy the previous release still runs and uses the old name: its queries fail",
                    "expand/contract: add the new column, have one release write both, fill it, switch reads, and "
                            + "drop the old column in a later release"),
            rule("deploy-drop-table", Category.ROLLING_DEPLOY, Severity.WARNING, EVERY,
                    "drops a table the previous release may still use",
                    "during a rolling deploy the previous release still runs: its queries on the table fail",
                    "drop it in a release after the one whose code stopped using it"),
            rule("deploy-drop-column", Category.ROLLING_DEPLOY, Severity.WARNING, EVERY,
                    "drops a column the previous release may still use",
                    "during a rolling deploy the previous release still runs: its queries and inserts naming the "
                            + "column fail",
                    "stop using it in one release (remove it from the entity, or make it @Transient), drop it in the "
                            + "next"),
            rule("deploy-not-null", Category.ROLLING_DEPLOY, Severity.WARNING, EVERY,
                    "a column made NOT NULL, or a new NOT NULL column without a default, that the previous release "
                            + "does not write",
                    "during a rolling deploy the previous release's inserts leave it out and fail",
                    "give it a server default, or make it NOT NULL only in a release after every running release "
                            + "writes it"),
            rule("irreversible-sql-no-rollback", Category.DATA_LOSS, Severity.WARNING, EVERY,
                    "a sql step without a downgrade for the database, in a migration that runs step by step (any "
                            + "migration with DDL on MariaDB and MySQL, whose DDL commits at once; one marked "
                            + "outsideTransaction elsewhere)",
                    "if a later step of the migration fails, the runner undoes the steps before it but not this one: "
                            + "it stays applied, to finish by hand",
                    "give the step \"downgrade\" statements for the database, or move it into a migration of its "
                            + "own"),
            rule("sqlite-rebuild", Category.SQLITE, Severity.INFO, SQLITE,
                    "a change SQLite can only make by rebuilding the table",
                    "every row is copied into a new table inside the migration, holding the database's write lock "
                            + "as long",
                    "on a large table run it when writes can wait; keep changes to one table in one migration, so "
                            + "it is rebuilt once"),
            rule("sqlite-rebuild-dependents", Category.SQLITE, Severity.INFO, SQLITE,
                    "views or triggers on a table SQLite rebuilds",
                    "the rebuild drops them and creates them again; one the change breaks fails the migration",
                    "check that each still fits the changed table; drop one that does not in a sql step before the "
                            + "change and create it again, fitted, in one after"));

    private static final Map<String, Rule> BY_ID = ALL.stream()
            .collect(Collectors.toMap(Rule::id, r -> r, (a, b) -> a, LinkedHashMap::new));

    /** Above this many rows a SQLite rebuild is a warning rather than advice. */
    public static final long LARGE_TABLE_ROWS = 100_000;

    private Rules() {
    }

    private static Rule rule(String id, Category category, Severity severity, Set<String> databases, String title,
                             String why, String fix) {
        return new Rule(id, category, severity, databases, title, why, fix);
    }

    /** The rule with this id, or {@code null}. */
    public static Rule byId(String id) {
        return BY_ID.get(id);
    }

    /** Every rule id, comma-separated, for messages. */
    public static String ids() {
        return String.join(", ", BY_ID.keySet());
    }

    /**
     * @param where the setting or file that names them, for the message
     * @throws MigrationException naming the first unknown id and every known one
     */
    public static void requireKnown(Collection<String> ids, String where) {
        for (String id : ids) {
            if (!BY_ID.containsKey(id)) {
                throw new MigrationException(where + " names lint rule \"" + id + "\", which does not exist; the "
                        + "rules are: " + ids());
            }
        }
    }
}
