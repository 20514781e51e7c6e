package io.github.entitymigrations.runner;

import io.github.entitymigrations.migrations.MigrationChain;
import io.github.entitymigrations.operations.Sql;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Migrations that only log themselves, slowly, so concurrent runs overlap: applying {@code 0003} appends
 * {@code +0003} to {@code run_log}, reverting it appends {@code -0003}. A migration applied or reverted twice
 * shows up twice. {@code run_log} lives outside the migrations (created after {@code stamp base}), so
 * reverting to base keeps it.
 */
final class LoggedMigrations {

    private LoggedMigrations() {
    }

    /** {@code count} logged migrations, each taking about 0.3 s either way. */
    static MigrationChain write(Path directory, int count) {
        MigrationHistory h = new MigrationHistory(directory);
        for (int i = 1; i <= count; i++) {
            String id = String.format("%04d", i);
            h.add("step " + i, new Sql(slow("+" + id), slow("-" + id), false, List.of()));
        }
        return h.chain();
    }

    /** An empty database with the version table (nothing applied) and {@code run_log}. */
    static void prepare(TestDatabase db, MigrationChain chain) throws SQLException {
        prepare(db, chain, null);
    }

    /** The same in {@code schema} (a PostgreSQL {@link TestDatabase#inSchema} database). */
    static void prepare(TestDatabase db, MigrationChain chain, String schema) throws SQLException {
        db.migrator(chain).stamp("base");
        db.execute("create table " + (schema == null ? "" : schema + ".")
                + "run_log (seq integer primary key, entry varchar(8) not null)");
    }

    /** Every entry of {@code run_log}, in order. */
    static List<String> log(TestDatabase db) throws SQLException {
        return db.query("select entry from run_log order by seq");
    }

    static void clearLog(TestDatabase db) throws SQLException {
        db.execute("delete from run_log");
    }

    /** The ids from 0001 to {@code position}. */
    static List<String> ids(int position) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= position; i++) {
            ids.add(String.format("%04d", i));
        }
        return ids;
    }

    private static Map<String, List<String>> slow(String entry) {
        String insert = "insert into run_log (seq, entry) select coalesce(max(seq), 0) + 1, '" + entry + "' from run_log";
        return Map.of(
                "postgresql", List.of(insert, "select pg_sleep(0.3)"),
                "mariadb", List.of(insert, "select sleep(0.3)"),
                "mysql", List.of(insert, "select sleep(0.3)"),
                "sqlite", List.of(insert, "with recursive n(x) as (select 1 union all select x + 1 from n "
                        + "where x < 300000) select count(*) from n"));
    }
}
