package io.github.entitymigrations.bench.realapps;

import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the real-application comparison (benchmarks/real-apps/run.sh drives it):
 * {@code hibernate <classes> <naming> <out> <pgDatabase> <sqliteFile>} creates Hibernate's schema and
 * records it; {@code ours <snapshot> <out> <pgDatabase> <sqliteFile>} generates and applies our migration,
 * records it and writes the differences.
 */
public final class RealApps {

    private RealApps() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args.length == 0 ? "" : args[0]) {
            case "hibernate" -> HibernateSide.run(rest);
            case "ours" -> OursSide.run(rest);
            default -> {
                System.err.println("usage: RealApps hibernate <classes> <jpa|spring> <out> <pgDatabase> <sqliteFile>\n"
                        + "       RealApps ours <snapshot> <out> <pgDatabase> <sqliteFile>");
                System.exit(2);
            }
        }
    }

    /**
     * The stack trace of {@code e}, for an {@code .error} file. Here, not in {@link HibernateSide}: the side that runs
     * our engine has no Hibernate on its class path, and reporting its own failures must not need it.
     */
    static String stackTrace(Throwable e) {
        var text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
