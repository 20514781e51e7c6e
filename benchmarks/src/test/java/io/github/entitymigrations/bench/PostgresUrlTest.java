package io.github.entitymigrations.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

    @Test
    void aDatabaseUrlKeepsTheServersParameters() {
        Postgres pg = Postgres.of("jdbc:postgresql://db.example:6543/postgres?user=postgres&ssl=false");
        assertEquals("jdbc:postgresql://db.example:6543/bench_x?user=postgres&ssl=false", pg.urlOf("bench_x"));
        assertEquals("jdbc:postgresql://127.0.0.1:7000/bench_x?user=postgres&ssl=false",
                pg.urlOf("bench_x", "127.0.0.1", 7000));
    }

    @Test
    void theServersAddressIsReadFromItsUrl() {
        assertAddress("db.example", 6543, "jdbc:postgresql://db.example:6543/postgres?user=postgres");
        assertAddress("127.0.0.1", 5432, "jdbc:postgresql://127.0.0.1/postgres");
        assertAddress("localhost", 5432, "jdbc:postgresql://localhost?user=postgres");
        assertAddress("::1", 5433, "jdbc:postgresql://[::1]:5433/postgres");
        assertAddress("::1", 5432, "jdbc:postgresql://[::1]/postgres");
    }

    private static void assertAddress(String host, int port, String url) {
        InetSocketAddress address = Postgres.of(url).address();
        assertEquals(host, address.getHostString(), url);
        assertEquals(port, address.getPort(), url);
    }
}
