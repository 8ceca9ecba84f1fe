package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.testing.RunningService;

/**
 * When every pooled connection is busy, a request waits for one at most the configured acquire time and
 * then gets 503 with Retry-After: requests never queue without bound behind a slow database.
 */
class PoolExhaustionTest {

    private static final Duration ACQUIRE_TIMEOUT = Duration.ofMillis(500);
    private static final Duration HELD = Duration.ofSeconds(4);

    @RegisterExtension
    static final RunningService service = RunningService.behindProxy("initialSize=1&maxSize=2&maxAcquireTime=PT0.5S&acquireRetry=0");

    @Test
    void requestsBeyondThePoolWaitAtMostTheAcquireTimeAndGet503() throws Exception {
        String location = service.post("/skills", "{\"name\": \"Busy\"}").header("Location");
        // Another session locks the table: the next two requests each hold a pooled connection, waiting on it.
        java.sql.Connection locker = service.database().connect();
        locker.setAutoCommit(false);
        locker.createStatement().execute("LOCK TABLE skill IN ACCESS EXCLUSIVE MODE");
        HttpClient client = HttpClient.newHttpClient();
        List<CompletableFuture<HttpResponse<String>>> holders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            holders.add(client.sendAsync(request(location), HttpResponse.BodyHandlers.ofString()));
        }
        awaitAcquired(2);

        List<CompletableFuture<Timed>> overflow = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long started = System.nanoTime();
            overflow.add(client.sendAsync(request(i % 2 == 0 ? location : "/skills?limit=5"), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> new Timed(response, Duration.ofNanos(System.nanoTime() - started))));
        }

        for (CompletableFuture<Timed> waiting : overflow) {
            Timed answer = waiting.get(HELD.toSeconds(), TimeUnit.SECONDS);
            assertThat(answer.response().statusCode()).as(answer.response().body()).isEqualTo(503);
            assertThat(answer.response().headers().firstValue("Retry-After")).contains("5");
            assertThat(answer.response().body()).contains("urn:teamfinder:problem:store-unavailable");
            // Bounded by the acquire time, not by how long the connections are held (a hang check, not a speed measurement).
            assertThat(answer.took()).isLessThan(HELD.minus(ACQUIRE_TIMEOUT));
        }
        locker.rollback();
        locker.close();
        for (CompletableFuture<HttpResponse<String>> holder : holders) {
            assertThat(holder.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(service.get(location).status()).isEqualTo(200);
        assertThat(pool().getMetrics().orElseThrow().pendingAcquireSize()).isZero();
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(service.uri(path).toString())).timeout(Duration.ofSeconds(30)).build();
    }

    private static void awaitAcquired(int connections) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pool().getMetrics().orElseThrow().acquiredSize() < connections) {
            assertThat(System.nanoTime()).as("both connections taken").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static ConnectionPool pool() {
        ConnectionFactory factory = service.applicationContext().getBean(ConnectionFactory.class);
        return (ConnectionPool) factory;
    }
}
