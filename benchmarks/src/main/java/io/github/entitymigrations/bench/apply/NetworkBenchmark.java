package io.github.entitymigrations.bench.apply;

import io.github.entitymigrations.bench.Benchmark;
import io.github.entitymigrations.bench.Context;
import io.github.entitymigrations.bench.Measure;
import io.github.entitymigrations.bench.Sample;
import io.github.entitymigrations.bench.Section;
import io.github.entitymigrations.bench.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The apply benchmark's PostgreSQL runs with the database "over a network": through {@link DelayProxy}, which holds
 * every packet for a one-way delay ({@value #DEFAULT_DELAY_MICROS} µs by default, about half a millisecond per round
 * trip as between two machines of one data centre; {@code --network-delay-us N}). Each tool runs the same
 * migrations directly and through the proxy, alternated; the difference is what the network costs it, and the
 * proxy counts the requests each one sent.
 */
public final class NetworkBenchmark implements Benchmark {

    static final long DEFAULT_DELAY_MICROS = 250;
    /** The one-way delay in µs, as {@code run.sh --network-delay-us N} sets it. */
    public static final String DELAY_PROPERTY = "bench.network.delayMicros";

    /** The apply benchmark's tools that run on PostgreSQL in-process. */
    private static final List<ApplyBenchmark.Tool> TOOLS = List.of(ApplyBenchmark.JDBC, ApplyBenchmark.OURS,
            ApplyBenchmark.FLYWAY);

    @Override
    public String name() {
        return "network";
    }

    @Override
    public List<Section> run(Context context) throws Exception {
        long delay = Long.getLong(DELAY_PROPERTY, DEFAULT_DELAY_MICROS);
        int count = context.quick() ? 100 : 1000;
        Generator.Fixture fixture = Generator.write(context.directory("network-fixture"), count, Generator.SEED);
        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, List<Long>> requests = new LinkedHashMap<>();
        java.net.InetSocketAddress server = context.postgres().address();
        try (DelayProxy proxy = DelayProxy.start(server.getHostString(), server.getPort(), delay)) {
            for (int run = 1; run <= context.runs(); run++) {
                for (ApplyBenchmark.Tool tool : TOOLS) {
                    for (boolean network : new boolean[] {false, true}) {
                        String db = "bench_network_" + tool.key();
                        String url = context.postgres().create(db);
                        if (network) {
                            url = context.postgres().urlOf(db, "127.0.0.1", proxy.port());
                        }
                        try {
                            proxy.takeRequests();
                            Sample s = Measure.child(tool.task(), ApplyTasks.QUIET_JVM, url,
                                    ApplyBenchmark.input(tool, "postgresql", fixture));
                            long sent = proxy.takeRequests();
                            Inventory.require(url, fixture.tables(), fixture.columns(), tool.label());
                            String key = tool.key() + (network ? "/network" : "/local");
                            samples.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
                            if (network) {
                                requests.computeIfAbsent(tool.key(), k -> new ArrayList<>()).add(sent);
                            }
                            System.out.printf(Locale.ROOT, "  run %d/%d %-32s %-8s %9s%s%n", run, context.runs(),
                                    tool.label(), network ? "network" : "local", Stats.ms(s.millis()),
                                    network ? "  " + sent + " requests" : "");
                        } finally {
                            context.postgres().drop(db);
                        }
                    }
                }
            }
        }
        return List.of(section(fixture, delay, samples, requests));
    }

    private static Section section(Generator.Fixture fixture, long delay, Map<String, List<Sample>> samples,
                                   Map<String, List<Long>> requests) {
        Section s = new Section("Applying " + fixture.migrations() + " migrations to PostgreSQL over a network",
                "The apply benchmark's PostgreSQL runs again, each tool directly and through a proxy that holds every "
                + "packet " + delay + " µs each way (about " + String.format(Locale.ROOT, "%.1f", delay * 2 / 1000.0)
                + " ms a round trip, as between two machines of one data centre), alternated. Requests: what the "
                + "client sent through the proxy (each a round trip it waited for), median. Raw JDBC runs each "
                + "statement on its own and commits each migration; Entity Migrations sends each migration's "
                + "statements and its version row as one JDBC batch, then commits.",
                "tool", "local", "network", "added by the network", "vs raw JDBC (network)", "requests");
        double floor = Stats.medianMillis(samples.getOrDefault("jdbc/network", List.of()));
        for (ApplyBenchmark.Tool tool : TOOLS) {
            double local = Stats.medianMillis(samples.getOrDefault(tool.key() + "/local", List.of()));
            double network = Stats.medianMillis(samples.getOrDefault(tool.key() + "/network", List.of()));
            List<Long> sent = requests.getOrDefault(tool.key(), List.of());
            s.row(tool.label(), Stats.ms(local), Stats.ms(network), "+" + Stats.ms(network - local),
                    Stats.ratio(network, floor), sent.isEmpty() ? "-" : String.valueOf(
                            (long) Stats.median(sent.stream().mapToDouble(Long::doubleValue).toArray())));
        }
        return s;
    }
}
