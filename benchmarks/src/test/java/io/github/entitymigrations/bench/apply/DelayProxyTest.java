package io.github.entitymigrations.bench.apply;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The network benchmark's proxy forwards every byte both ways, each way after its delay, and counts requests. */
class DelayProxyTest {

    @Test
    void forwardsBothWaysAfterTheDelayAndCountsRequests() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = echo.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    byte[] buffer = new byte[1024];
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (java.io.IOException e) {
                    // the client closed
                }
            });
            server.setDaemon(true);
            server.start();
            try (DelayProxy proxy = DelayProxy.start("127.0.0.1", echo.getLocalPort(), 20_000);
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
                for (String message : new String[] {"first request", "second"}) {
                    byte[] sent = message.getBytes(StandardCharsets.UTF_8);
                    long start = System.nanoTime();
                    client.getOutputStream().write(sent);
                    client.getOutputStream().flush();
                    byte[] back = client.getInputStream().readNBytes(sent.length);
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    assertArrayEquals(sent, back);
                    assertTrue(millis >= 40, "20 ms each way, so at least 40 ms a round trip: " + millis + " ms");
                }
                assertEquals(2, proxy.takeRequests());
                assertEquals(0, proxy.takeRequests(), "taking the count resets it");
            }
        }
    }
}
