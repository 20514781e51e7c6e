package io.github.entitymigrations.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the tests' own, for a machine where {@value MariaDbDatabase#URL_VARIABLE} names none: the
 * installed {@code mariadbd} (Debian's {@code mariadb-server} package) on a new data directory made by
 * {@code mariadb-install-db}, listening on 127.0.0.1 and a free port, with root and no password. Started once per
 * JVM (about 3 s to initialize, 1 s to start), stopped and deleted when the JVM exits. Without an installed
 * server, the failure says what to install or set: a test never skips.
 */
final class LocalMariaDbServer {

    /** Where Debian, other distributions and Homebrew put the server, besides the PATH. */
    private static final List<String> SEARCHED = List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin",
            "/usr/libexec", "/opt/homebrew/bin", "/opt/homebrew/sbin");
    private static final long START_TIMEOUT_MS = 60_000;

    private static String adminUrl;

    private LocalMariaDbServer() {
    }

    /** The root URL of the running server, starting it on first use. */
    static synchronized String adminUrl() {
        if (adminUrl == null) {
            adminUrl = start();
        }
        return adminUrl;
    }

    private static String start() {
        Path server = find("mariadbd", "mysqld").orElseThrow(() -> new IllegalStateException("No MariaDB server to "
                + "test on: " + MariaDbDatabase.URL_VARIABLE + " is not set and no mariadbd is installed. Set "
                + MariaDbDatabase.URL_VARIABLE + "=jdbc:mariadb://127.0.0.1:3306/test?user=root for a running server, "
                + "or install MariaDB (apt-get install mariadb-server) so the tests can start their own."));
        Path installDb = find("mariadb-install-db", "mysql_install_db").orElseThrow(() -> new IllegalStateException(
                "Found " + server + " but no mariadb-install-db to make its data directory: install the complete "
                        + "MariaDB server package, or set " + MariaDbDatabase.URL_VARIABLE));
        try {
            Path dir = Files.createTempDirectory("em-mariadb-");
            Path data = dir.resolve("data");
            boolean root = "root".equals(System.getProperty("user.name"));
            List<String> init = new ArrayList<>(List.of(installDb.toString(), "--no-defaults",
                    "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
            // mariadbd refuses to run as root unless told to; as another user it runs as that user.
            if (root) {
                init.add("--user=root");
            }
            run(init, dir.resolve("install-db.log"), 120);
            int port = freePort();
            List<String> start = new ArrayList<>(List.of(server.toString(), "--no-defaults", "--datadir=" + data,
                    "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mariadb.sock"),
                    "--pid-file=" + dir.resolve("mariadb.pid"), "--skip-name-resolve",
                    "--innodb-buffer-pool-size=64M", "--innodb-log-file-size=32M", "--max-connections=300",
                    "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci"));
            if (root) {
                start.add("--user=root");
            }
            Path log = dir.resolve("mariadbd.log");
            Process process = new ProcessBuilder(start).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, dir), "mariadb-stop"));
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/?user=root";
            awaitConnection(url, process, log);
            System.out.println("[MariaDbDatabase] started " + server + " on 127.0.0.1:" + port + " (data in " + dir + ")");
            return url;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a MariaDB server for the tests (set "
                    + MariaDbDatabase.URL_VARIABLE + " to use a running one): " + e.getMessage(), e);
        }
    }

    static Optional<Path> find(String... names) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(SEARCHED);
        for (String name : names) {
            for (String dir : dirs) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void run(List<String> command, Path log, int timeoutSeconds) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not finish in " + timeoutSeconds + " s: "
                        + tail(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): "
                    + tail(log));
        }
    }

    private static void awaitConnection(String url, Process process, Path log) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        SQLException last = null;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + process.exitValue() + " while starting: "
                        + tail(log));
            }
            try (Connection c = DriverManager.getConnection(url)) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for mariadbd", e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("mariadbd did not accept connections within " + START_TIMEOUT_MS / 1000
                + " s (" + (last == null ? "" : last.getMessage()) + "): " + tail(log));
    }

    /** SIGTERM: mariadbd shuts down cleanly; then its temporary data directory is deleted. */
    private static void stop(Process process, Path dir) {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("[MariaDbDatabase] could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
