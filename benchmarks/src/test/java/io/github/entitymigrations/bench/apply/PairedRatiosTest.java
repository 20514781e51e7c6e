package io.github.entitymigrations.bench.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.entitymigrations.bench.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedRatiosTest {

    @Test
    void eachRunIsComparedWithTheRawJdbcRunBeforeIt() {
        List<Sample> floor = List.of(new Sample(2000, 0), new Sample(4000, 0), new Sample(3000, 0));
        List<Sample> ours = List.of(new Sample(3000, 0), new Sample(4400, 0), new Sample(3600, 0));
        // The medians (3600 / 3000 = 1.20) would pair runs minutes apart; the runs themselves: 1.50, 1.10, 1.20.
        assertEquals("Run by run on PostgreSQL (raw JDBC, then ours, one after the other): 1.50, 1.10, 1.20× "
                + "(median 1.20×); raw JDBC's own runs took 2000 ms to 4000 ms.",
                ApplyBenchmark.paired("PostgreSQL", ours, floor));
    }

    @Test
    void noRunsAreSaidSo() {
        assertEquals("Run by run on SQLite: no runs.", ApplyBenchmark.paired("SQLite", List.of(), List.of()));
    }
}
