package io.github.entitymigrations.operations;

import io.github.entitymigrations.schema.SqlStatement;
import io.github.entitymigrations.schema.SqlToken;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which statements a {@code sql} step may not run, decided on the statement's tokens (so a {@code commit} in
 * a string, a comment, a dollar-quoted function body or a trigger body is no {@code commit}). Each migration
 * runs in one transaction together with its version row: a statement that ends, starts or escapes it would
 * commit half a migration that is then reported as rolled back and run again.
 *
 * <ul>
 *   <li><b>Always refused</b> (both databases): {@code begin}, {@code start transaction}, {@code commit},
 *       {@code end}, {@code rollback} (also {@code rollback to savepoint}), {@code abort}, {@code savepoint},
 *       {@code release}, {@code prepare transaction}, {@code set transaction}, {@code set session
 *       characteristics}; on SQLite {@code pragma foreign_keys} (the runner manages it; in a transaction it
 *       does nothing). Savepoints are refused too: a {@code rollback to} one would silently undo part of a
 *       migration that is then recorded as applied, and balance cannot be checked before running.</li>
 *   <li><b>Only in a migration with {@code "outsideTransaction": true}</b>, which runs each statement on its
 *       own: on PostgreSQL {@code vacuum}, {@code create}/{@code drop database}, {@code create}/{@code drop
 *       tablespace}, {@code alter system}, {@code discard all}, {@code create}/{@code drop subscription},
 *       {@code reindex database}/{@code system}, {@code cluster} without a table, and anything
 *       {@code concurrently} ({@code create index}, {@code drop index}, {@code reindex}, {@code detach
 *       partition}; {@code refresh materialized view concurrently} runs in a transaction and is allowed); on
 *       SQLite {@code vacuum}, {@code attach}, {@code detach} and the pragmas that cannot change inside a
 *       transaction ({@code journal_mode}, {@code synchronous}, {@code locking_mode}, {@code temp_store},
 *       {@code page_size}, {@code auto_vacuum}, {@code wal_checkpoint}).</li>
 *   <li><b>On MariaDB and MySQL</b> besides the transaction control above (MariaDB's {@code begin not atomic}
 *       compound statement is no transaction and is allowed): {@code lock tables}, {@code unlock tables},
 *       {@code set autocommit}, {@code xa ...}, {@code flush tables with read lock} and {@code use}. Nothing needs
 *       {@code "outsideTransaction"} there: their DDL commits by itself.</li>
 * </ul>
 */
public final class SqlSafety {

    private static final Set<String> TRANSACTION_CONTROL = Set.of("BEGIN", "COMMIT", "END", "ROLLBACK", "ABORT");
    private static final Set<String> POSTGRES_OUTSIDE = Set.of("VACUUM", "CREATE DATABASE", "DROP DATABASE",
            "CREATE TABLESPACE", "DROP TABLESPACE", "ALTER SYSTEM", "DISCARD ALL", "CREATE SUBSCRIPTION",
            "DROP SUBSCRIPTION", "REINDEX DATABASE", "REINDEX SYSTEM");
    private static final Set<String> SQLITE_OUTSIDE = Set.of("VACUUM", "ATTACH", "DETACH");
    private static final Set<String> SQLITE_OUTSIDE_PRAGMAS = Set.of("JOURNAL_MODE", "SYNCHRONOUS", "LOCKING_MODE",
            "TEMP_STORE", "PAGE_SIZE", "AUTO_VACUUM", "WAL_CHECKPOINT");

    private static final String OWN_TRANSACTION = "each migration already runs in its own transaction, committed "
            + "together with its version row (one marked \"outsideTransaction\": true runs each statement on its "
            + "own). Remove the statement; to commit part of the work first, split it into two migrations";

    /** What plainly changes data and nothing else: the first keywords a data statement may start with. */
    private static final Set<String> DATA = Set.of("INSERT", "UPDATE", "DELETE", "REPLACE", "SELECT", "WITH");

    private SqlSafety() {
    }

    /**
     * Whether {@code statement} plainly changes data only ({@code insert}, {@code update}, {@code delete},
     * {@code replace}, {@code select}, {@code with}), so that on a database whose DDL commits by itself (MariaDB,
     * MySQL) it can still run in a transaction. Conservative: anything else might be DDL or call something that is.
     */
    public static boolean isData(SqlStatement statement) {
        List<String> k = statement.keywords();
        return !k.isEmpty() && DATA.contains(k.get(0));
    }

    /**
     * Why {@code statement} may not run on {@code dialect} in a migration, as a sentence saying what to do; or
     * {@code null} when it may.
     */
    public static String refusal(SqlStatement statement, String dialect, boolean outsideTransaction) {
        List<String> k = statement.keywords();
        if (k.isEmpty()) {
            return null;
        }
        String always = transactionControl(statement, k, dialect);
        if (always != null) {
            return always;
        }
        if (isMysql(dialect)) {
            return mysqlRefusal(k);
        }
        String outside = dialect.equals("sqlite") ? sqliteOutsideOnly(statement, k) : postgresOutsideOnly(statement, k);
        if (outside != null && !outsideTransaction) {
            return outside + " cannot run inside a transaction, and this migration runs in one: move it to a "
                    + "migration of its own marked \"outsideTransaction\": true (its statements then run one by one, "
                    + "and a failure keeps those before it)";
        }
        return null;
    }

    private static String transactionControl(SqlStatement s, List<String> k, String dialect) {
        String first = k.get(0);
        if (first.equals("SAVEPOINT") || first.equals("RELEASE") || (first.equals("ROLLBACK") && k.contains("TO"))) {
            return words(k, 3) + " is refused: a rollback to a savepoint would undo part of the migration, which would "
                    + "still be recorded as applied. Split the work into migrations instead (or, on PostgreSQL, "
                    + "handle the error inside a DO block)";
        }
        if (isMysql(dialect) && starts(k, "BEGIN", "NOT", "ATOMIC")) {
            return null; // MariaDB's anonymous compound statement, no transaction
        }
        if (TRANSACTION_CONTROL.contains(first) || starts(k, "START", "TRANSACTION") || starts(k, "PREPARE",
                "TRANSACTION") || starts(k, "SET", "TRANSACTION") || starts(k, "SET", "SESSION", "CHARACTERISTICS")) {
            return words(k, 3) + " ends, starts or changes the migration's transaction: " + OWN_TRANSACTION;
        }
        if (dialect.equals("sqlite") && first.equals("PRAGMA") && pragma(s).equals("FOREIGN_KEYS")) {
            return words(k, 2) + " is refused: the runner turns foreign-key enforcement off for each migration and "
                    + "on after it, checking the keys at its end (inside a transaction this pragma does nothing). "
                    + "Remove it";
        }
        return null;
    }

    private static boolean isMysql(String dialect) {
        return dialect.equals("mariadb") || dialect.equals("mysql");
    }

    /**
     * MariaDB and MySQL commit before and after every DDL statement anyway, so nothing needs a migration of its own;
     * what is refused escapes the runner's hold on the migration: {@code lock tables} and {@code unlock tables}
     * (they commit, and a lock left held blocks every other session), {@code set autocommit} (turning it on commits),
     * {@code xa} transactions, {@code flush tables with read lock}, and {@code use} (it changes the database every
     * later statement and the version table resolve in).
     */
    private static String mysqlRefusal(List<String> k) {
        String first = k.get(0);
        if (first.equals("LOCK") || first.equals("UNLOCK")) {
            return words(k, 2) + " commits the migration's work so far and holds (or drops) table locks beyond it: "
                    + OWN_TRANSACTION;
        }
        if (first.equals("XA") || (first.equals("SET") && k.contains("AUTOCOMMIT"))) {
            return words(k, 2) + " ends, starts or changes the migration's transaction: " + OWN_TRANSACTION;
        }
        if (first.equals("FLUSH") && k.contains("LOCK")) {
            return words(k, 2) + " ... with read lock blocks every write on the server until the session unlocks: "
                    + "remove it";
        }
        if (first.equals("USE")) {
            return "use changes the database every later statement and the runner's version table resolve in: name "
                    + "the database in the statements instead (db.table)";
        }
        return null;
    }

    private static String postgresOutsideOnly(SqlStatement s, List<String> k) {
        for (int n = 1; n <= 2 && n <= k.size(); n++) {
            if (POSTGRES_OUTSIDE.contains(String.join(" ", k.subList(0, n)))) {
                return words(k, n);
            }
        }
        if (k.get(0).equals("CLUSTER") && k.stream().allMatch(w -> w.equals("CLUSTER") || w.equals("VERBOSE"))) {
            return "cluster without a table";
        }
        if (!k.get(0).equals("REFRESH") && s.hasTopLevelWord("concurrently")) {
            return words(k, 2) + " ... concurrently";
        }
        return null;
    }

    private static String sqliteOutsideOnly(SqlStatement s, List<String> k) {
        if (SQLITE_OUTSIDE.contains(k.get(0))) {
            return words(k, 1);
        }
        if (k.get(0).equals("PRAGMA") && SQLITE_OUTSIDE_PRAGMAS.contains(pragma(s))) {
            return "pragma " + pragma(s).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /** The pragma's name, upper case: {@code PRAGMA [schema.]name ...}, the name maybe quoted. */
    private static String pragma(SqlStatement s) {
        List<SqlToken> t = s.tokens();
        int at = t.size() > 3 && t.get(2).text().equals(".") ? 3 : 1;
        if (t.size() <= at) {
            return "";
        }
        String name = t.get(at).text();
        boolean quoted = t.get(at).kind() != SqlToken.Kind.WORD && name.length() >= 2;
        return (quoted ? name.substring(1, name.length() - 1) : name).toUpperCase(Locale.ROOT);
    }

    private static boolean starts(List<String> k, String... words) {
        return k.size() >= words.length && k.subList(0, words.length).equals(List.of(words));
    }

    private static String words(List<String> k, int n) {
        return String.join(" ", k.subList(0, Math.min(n, k.size()))).toLowerCase(Locale.ROOT);
    }
}
