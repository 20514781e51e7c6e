package io.github.entitymigrations.fleet;

import io.github.entitymigrations.migrations.MigrationException;
import io.github.entitymigrations.runner.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the {@code schemas} setting into the fleet's members. Each entry is a schema name ({@code tenant_a}), a
 * pattern with {@code *} and {@code ?} resolved against the catalog ({@code tenant_*}: PostgreSQL's schemas, the
 * databases of a MariaDB or MySQL server), or a JDBC URL of a database of its own ({@code jdbc:sqlite:} URLs may
 * have a pattern in their file name). A pattern that matches nothing is an error naming it; a name is taken as it
 * is (its schema is created on first use, as the {@code schema} setting's is).
 */
public final class FleetTargets {

    /** Schemas no pattern matches: the server's own. */
    private static final Pattern POSTGRES_SYSTEM = Pattern.compile("pg_.*|information_schema");
    private static final Pattern MARIADB_SYSTEM = Pattern.compile("information_schema|mysql|performance_schema|sys");

    private FleetTargets() {
    }

    /**
     * The entries of the setting: each item split at commas and white space ({@code -Dmigration.schemas=a,b}),
     * except a JDBC URL, which is kept whole; blanks dropped.
     */
    public static List<String> entries(List<String> items) {
        List<String> entries = new ArrayList<>();
        for (String item : items == null ? List.<String>of() : items) {
            if (item == null) {
                continue;
            }
            String text = item.strip();
            if (text.startsWith("jdbc:")) {
                entries.add(text);
                continue;
            }
            for (String part : text.split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    entries.add(part);
                }
            }
        }
        return entries;
    }

    /** Whether an entry is a pattern. */
    static boolean isPattern(String entry) {
        return entry.indexOf('*') >= 0 || entry.indexOf('?') >= 0;
    }

    /**
     * The members, in the order the entries give them (a pattern's matches sorted by name), each once.
     *
     * @param base the configured database: its URL and credentials, and its schema for URL entries
     */
    public static List<FleetTarget> resolve(Database base, List<String> entries) {
        if (entries.isEmpty()) {
            throw new MigrationException("No schemas given: list schema names, patterns such as tenant_* or JDBC URLs");
        }
        boolean names = entries.stream().anyMatch(e -> !e.startsWith("jdbc:"));
        if (names && base.schema() != null) {
            throw new MigrationException("Both schema (" + base.schema() + ") and schemas are configured: give the "
                    + "schemas alone (a single schema is a fleet of one)");
        }
        if (names && base.isSqlite()) {
            throw new MigrationException("SQLite has no schemas, so " + entries.stream().filter(e -> !e.startsWith(
                    "jdbc:")).findFirst().orElseThrow() + " cannot be one: list the SQLite files as URLs instead "
                    + "(jdbc:sqlite:tenants/a.db, or a pattern in the file name: jdbc:sqlite:tenants/*.db)");
        }
        Map<String, FleetTarget> targets = new LinkedHashMap<>();
        List<String> catalog = null;
        for (String entry : entries) {
            if (entry.startsWith("jdbc:")) {
                for (String url : urls(entry)) {
                    Database db = new Database(url, base.username(), base.password(), base.schema());
                    targets.putIfAbsent(url, new FleetTarget(db.describe(), db));
                }
                continue;
            }
            List<String> schemas;
            if (isPattern(entry)) {
                if (catalog == null) {
                    catalog = catalog(base);
                }
                schemas = matching(catalog, entry, base.isPostgres());
            } else {
                schemas = List.of(entry);
            }
            for (String schema : schemas) {
                targets.putIfAbsent(key(schema, base), new FleetTarget(schema, new Database(base.url(),
                        base.username(), base.password(), schema, base.dataSource())));
            }
        }
        return List.copyOf(targets.values());
    }

    /** PostgreSQL folds an unquoted name to lower case, as the {@code schema} setting is read: one key for both. */
    private static String key(String schema, Database base) {
        return base.isPostgres() ? schema.toLowerCase(Locale.ROOT) : schema;
    }

    private static List<String> matching(List<String> catalog, String pattern, boolean postgres) {
        // Names are read as the schema setting reads them, so on PostgreSQL the pattern folds as an unquoted name.
        Pattern regex = glob(postgres ? pattern.toLowerCase(Locale.ROOT) : pattern);
        List<String> found = catalog.stream().filter(s -> regex.matcher(s).matches()).sorted().toList();
        if (postgres) {
            // A schema created with a quoted mixed-case name matches only ignoring case: leaving it out silently would
            // leave that tenant behind, so the pattern is refused, naming it.
            List<String> quoted = catalog.stream().filter(s -> !regex.matcher(s).matches()
                    && regex.matcher(s.toLowerCase(Locale.ROOT)).matches()).sorted().toList();
            if (!quoted.isEmpty()) {
                throw new MigrationException("The schema pattern " + pattern + " also matches, ignoring case, "
                        + String.join(", ", quoted.stream().map(q -> "\"" + q + "\"").toList()) + ": a mixed-case name "
                        + "PostgreSQL keeps only when quoted, while schema names here are read unquoted (folded to lower "
                        + "case, as the schema setting reads them), so " + (quoted.size() == 1 ? "it" : "they")
                        + " cannot be migrated. Rename " + (quoted.size() == 1 ? "it" : "them") + " to lower case (alter "
                        + "schema \"" + quoted.get(0) + "\" rename to " + quoted.get(0).toLowerCase(Locale.ROOT)
                        + "), or narrow the pattern to leave " + (quoted.size() == 1 ? "it" : "them") + " out. Nothing "
                        + "was run");
            }
        }
        if (found.isEmpty()) {
            throw new MigrationException("The schema pattern " + pattern + " matches no schema" + (catalog.isEmpty()
                    ? " (the database has none besides the server's own)" : "") + ": check it, or list the schemas "
                    + "by name (a named schema is created on first use). Nothing was run");
        }
        return found;
    }

    /** {@code *} any run of characters, {@code ?} one character, everything else itself. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /** The schemas of the database (PostgreSQL) or the databases of the server (MariaDB, MySQL), the system's left out. */
    private static List<String> catalog(Database base) {
        boolean postgres = base.isPostgres();
        String sql = postgres ? "select nspname from pg_catalog.pg_namespace"
                : "select schema_name from information_schema.schemata";
        Pattern system = postgres ? POSTGRES_SYSTEM : MARIADB_SYSTEM;
        List<String> names = new ArrayList<>();
        try (Connection c = base.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                String name = rs.getString(1);
                if (!system.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                    names.add(name);
                }
            }
        } catch (SQLException e) {
            throw new MigrationException("Cannot list the schemas of " + base.describe() + ": "
                    + base.scrub(String.valueOf(e.getMessage())), base.scrub(e));
        }
        return names;
    }

    /** A URL, or for an SQLite URL with a pattern in its file name, the files that match it. */
    private static List<String> urls(String url) {
        if (!url.startsWith("jdbc:sqlite:") || !isPattern(url)) {
            if (isPattern(url)) {
                throw new MigrationException("A pattern in a URL is only read in an SQLite file name "
                        + "(jdbc:sqlite:tenants/*.db); " + url + " is not one: list the databases' URLs");
            }
            return List.of(url);
        }
        String rest = url.substring("jdbc:sqlite:".length());
        Path file = Path.of(rest);
        Path directory = file.getParent() == null ? Path.of("") : file.getParent();
        if (isPattern(directory.toString())) {
            throw new MigrationException("A pattern of SQLite files may have * and ? in the file name only, not in "
                    + "its directory: " + url);
        }
        Pattern name = glob(file.getFileName().toString());
        List<String> found;
        try (Stream<Path> files = Files.list(directory.toString().isEmpty() ? Path.of(".") : directory)) {
            found = files.filter(Files::isRegularFile)
                    .filter(p -> name.matcher(p.getFileName().toString()).matches())
                    .map(p -> "jdbc:sqlite:" + directory.resolve(p.getFileName()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new MigrationException("Cannot list the SQLite files of " + url + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new MigrationException("The pattern " + url + " matches no file: check it, or list the files. "
                    + "Nothing was run");
        }
        return found;
    }
}
