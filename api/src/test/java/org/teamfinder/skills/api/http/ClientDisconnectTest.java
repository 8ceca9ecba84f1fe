package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.PoolMetrics;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.testing.RunningService;

/**
 * Clients that hang up while their query is still running must not leak pooled connections: after a storm
 * of cut requests the pool is back to zero connections in use and the next request is served.
 * The service reaches PostgreSQL through a proxy that slows answers, so every request is caught mid-query.
 */
class ClientDisconnectTest {

    @RegisterExtension
    static final RunningService service = RunningService.behindProxy("initialSize=1&maxSize=4&maxAcquireTime=PT2S");

    @Test
    void stormsOfCutRequestsLeaveNoConnectionAcquired() throws Exception {
        String location = service.post("/skills", "{\"name\": \"Survivor\"}").header("Location");
        service.proxy().latency(Duration.ofMillis(150));

        int mostInUseAtACut = 0;
        for (int round = 0; round < 3; round++) {
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                clients.add(sendAndKeepOpen(i % 3 == 0
                        ? post("/skills", "{\"name\": \"Cut " + round + "-" + i + "\"}")
                        : get(i % 3 == 1 ? location : "/skills?limit=100")));
            }
            Thread.sleep(50); // the requests reach the database and wait on the slowed answers
            mostInUseAtACut = Math.max(mostInUseAtACut, pool().getMetrics().orElseThrow().acquiredSize());
            for (Socket client : clients) {
                client.setSoLinger(true, 0); // reset, as a client that crashes or times out would
                client.close();
            }
        }
        service.proxy().latency(Duration.ZERO);

        assertThat(mostInUseAtACut).as("queries in flight when the clients hung up").isPositive();
        PoolMetrics metrics = awaitIdle(pool(), Duration.ofSeconds(20));
        System.out.printf("disconnect storms: 3 x 200 requests cut mid-query, up to %d connections in use at a cut; afterwards %d acquired, "
                + "%d pending, %d idle%n", mostInUseAtACut, metrics.acquiredSize(), metrics.pendingAcquireSize(), metrics.idleSize());
        assertThat(metrics.acquiredSize()).as("connections still acquired after the storm").isZero();
        assertThat(metrics.pendingAcquireSize()).isZero();
        assertThat(service.get(location).status()).isEqualTo(200);
        assertThat(service.get("/skills?limit=100").status()).isEqualTo(200);
    }

    private static ConnectionPool pool() {
        ConnectionFactory factory = service.applicationContext().getBean(ConnectionFactory.class);
        assertThat(factory).isInstanceOf(ConnectionPool.class);
        return (ConnectionPool) factory;
    }

    private static PoolMetrics awaitIdle(ConnectionPool pool, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        PoolMetrics metrics = pool.getMetrics().orElseThrow();
        while ((metrics.acquiredSize() > 0 || metrics.pendingAcquireSize() > 0) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return metrics;
    }

    private static Socket sendAndKeepOpen(String request) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), service.uri("/").getPort());
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return socket;
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    }

    private static String post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length + "\r\n\r\n" + json;
    }
}
