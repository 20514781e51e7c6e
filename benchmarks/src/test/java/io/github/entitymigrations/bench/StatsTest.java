package io.github.entitymigrations.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How the report prints durations: the same precision for a difference below zero as for one above. */
class StatsTest {

    @Test
    void printsMillisecondsBySize() {
        assertEquals("12.5 ms", Stats.ms(12.5));
        assertEquals("833 ms", Stats.ms(833.04));
        assertEquals("12.3 s", Stats.ms(12_345));
        assertEquals("n/a", Stats.ms(Double.NaN));
    }

    @Test
    void printsNegativeDifferencesLikePositiveOnes() {
        assertEquals("-833 ms", Stats.ms(-833.04));
        assertEquals("-12.5 ms", Stats.ms(-12.5));
        assertEquals("-12.3 s", Stats.ms(-12_345));
    }
}
