package io.github.entitymigrations.bench.apply;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on a loopback port that holds every chunk it forwards, either way, for a fixed delay: a database
 * "over a network" with that one-way latency on a machine with no traffic shaping. It counts the chunks the
 * clients send, close to the number of round trips they wait for (a request the driver writes at once arrives
 * as one chunk).
 */
final class DelayProxy implements AutoCloseable {

    private record Chunk(long due, byte[] data) {
    }

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final long delayNanos;
    private final AtomicLong requests = new AtomicLong();
    private volatile boolean closed;

    private DelayProxy(ServerSocket server, String targetHost, int targetPort, long delayNanos) {
        this.server = server;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.delayNanos = delayNanos;
    }

    /** Listens on a free loopback port; forwards to {@code host:port}, {@code delayMicros} each way. */
    static DelayProxy start(String host, int port, long delayMicros) throws IOException {
        DelayProxy proxy = new DelayProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), host, port,
                delayMicros * 1000);
        Thread acceptor = new Thread(proxy::accept, "delay-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Chunks sent by clients since the last call. */
    long takeRequests() {
        return requests.getAndSet(0);
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(targetHost, targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                pipe(client, target, requests);
                pipe(target, client, null);
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("delay proxy: " + e);
                }
            }
        }
    }

    private void pipe(Socket from, Socket to, AtomicLong counted) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (InputStream in = from.getInputStream()) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    byte[] data = new byte[n];
                    System.arraycopy(buffer, 0, data, 0, n);
                    if (counted != null) {
                        counted.incrementAndGet();
                    }
                    queue.add(new Chunk(System.nanoTime() + delayNanos, data));
                }
            } catch (IOException e) {
                // the peer closed
            } finally {
                queue.add(new Chunk(0, null));
            }
        }, "delay-proxy-read");
        Thread writer = new Thread(() -> {
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk chunk = queue.take();
                    if (chunk.data() == null) {
                        break;
                    }
                    long wait;
                    while ((wait = chunk.due() - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait); // no spinning: the proxy must not take the CPU it measures
                    }
                    out.write(chunk.data());
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // the peer closed
            }
        }, "delay-proxy-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
