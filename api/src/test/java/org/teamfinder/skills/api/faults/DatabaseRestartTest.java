package org.teamfinder.skills.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.persistence.testing.TestCluster;
import org.teamfinder.skills.persistence.testing.TestPooler;

/**
 * PostgreSQL itself stops while the service is under load (the test's own cluster, stopped with a fast
 * shutdown and started again): requests fail fast with 503 and Retry-After, readiness goes DOWN, the
 * service recovers by itself when PostgreSQL is back, and every write it acknowledged is still there.
 */
class DatabaseRestartTest {

    private static final String DATABASE = "skills_restart";
    private static TestCluster cluster;
    private static TestPooler pooler;
    private static EmbeddedServer server;

    @BeforeAll
    static void start() {
        cluster = TestCluster.start();
        cluster.execute("postgres", "CREATE DATABASE " + DATABASE);
        // Through PgBouncer too, when the tests run through a pooler: then it is PgBouncer that loses its server.
        String address = "127.0.0.1:" + cluster.port() + "/" + DATABASE + "?";
        if (TestPooler.REQUESTED) {
            pooler = TestPooler.inFrontOf("127.0.0.1", cluster.port());
            address = "127.0.0.1:" + pooler.port() + "/" + DATABASE + "?" + TestPooler.driverOptions() + "&";
        }
        server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "micronaut.server.port", -1,
                "micronaut.security.enabled", false,
                "skills.imports.runner-enabled", false,
                // One warning per 503 is right in production; thousands of them would drown this test's output.
                "logger.levels.org.teamfinder.skills.api.http.Problems", "ERROR",
                "r2dbc.datasources.default.url", "r2dbc:pool:postgresql://" + address
                        + "initialSize=1&maxSize=6&maxAcquireTime=PT1S&acquireRetry=0&maxCreateConnectionTime=PT1S&connectTimeout=PT1S",
                "r2dbc.datasources.default.username", "postgres",
                "flyway.datasources.default.enabled", true,
                "flyway.datasources.default.url", cluster.jdbcUrl(DATABASE),
                "flyway.datasources.default.user", "postgres"));
    }

    @AfterAll
    static void stop() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.teamfinder.skills.api.http.Problems")).setLevel(null);
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (pooler != null) {
            pooler.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void failsFastWhileDownRecoversByItselfAndLosesNoAcknowledgedWrite() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean down = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger answeredWhileDown = new AtomicInteger();
        AtomicInteger slowestWhileDownMillis = new AtomicInteger();
        ExecutorService load = Executors.newFixedThreadPool(8);
        for (int worker = 0; worker < 8; worker++) {
            int id = worker;
            load.submit(() -> {
                for (int i = 0; running.get(); i++) {
                    boolean write = i % 2 == 0;
                    String name = "w" + id + "-" + i;
                    HttpRequest request = write
                            ? HttpRequest.newBuilder(uri("/skills")).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + name + "\"}")).timeout(Duration.ofSeconds(5)).build()
                            : HttpRequest.newBuilder(uri("/skills?limit=5")).timeout(Duration.ofSeconds(5)).build();
                    boolean sentWhileDown = down.get();
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        int tookMillis = (int) ((System.nanoTime() - started) / 1_000_000);
                        if (response.statusCode() == 201) {
                            acknowledged.add(name);
                        } else if (response.statusCode() == 503) {
                            if (!"5".equals(response.headers().firstValue("Retry-After").orElse(null))
                                    || !response.body().contains("store-unavailable")) {
                                unexpected.add("503 without Retry-After or problem: " + response.body());
                            }
                        } else if (response.statusCode() != 200) {
                            unexpected.add(response.statusCode() + " " + response.body());
                        }
                        if (sentWhileDown && down.get()) {
                            answeredWhileDown.incrementAndGet();
                            slowestWhileDownMillis.accumulateAndGet(tookMillis, Math::max);
                        }
                    } catch (HttpTimeoutException hang) {
                        unexpected.add("no answer within 5 s (" + (write ? "POST" : "GET") + ")");
                    } catch (Exception e) {
                        unexpected.add(e.toString());
                    }
                }
            });
        }
        Thread.sleep(1500);

        cluster.stopServer();
        down.set(true);
        Thread.sleep(3000);
        int readinessWhileDown = client.send(HttpRequest.newBuilder(uri("/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
        cluster.startServer();
        down.set(false);
        long back = System.nanoTime();
        long recoveredAfterMillis = awaitCreated(client, Duration.ofSeconds(5), back);
        Thread.sleep(1000);
        running.set(false);
        load.shutdown();
        assertThat(load.awaitTermination(15, TimeUnit.SECONDS)).isTrue();

        System.out.printf("database restart: %d requests answered while PostgreSQL was down, slowest %d ms; "
                        + "first write acknowledged %d ms after PostgreSQL was back; %d writes acknowledged%n",
                answeredWhileDown.get(), slowestWhileDownMillis.get(), recoveredAfterMillis, acknowledged.size());
        assertThat(unexpected).isEmpty();
        assertThat(answeredWhileDown.get()).as("requests answered during the outage").isGreaterThan(20);
        assertThat(slowestWhileDownMillis.get()).as("slowest answer during the outage, ms").isLessThan(2000);
        assertThat(readinessWhileDown).isEqualTo(503);
        assertThat(client.send(HttpRequest.newBuilder(uri("/health/readiness")).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(storedNames()).containsAll(acknowledged);
    }

    /** Creates skills until one is acknowledged; returns how long after {@code since} that was. */
    private static long awaitCreated(HttpClient client, Duration patience, long since) throws Exception {
        long deadline = since + patience.toNanos();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/skills")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"recovered-" + attempt + "\"}")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return (System.nanoTime() - since) / 1_000_000;
            }
            assertThat(System.nanoTime()).as("recovered within %s; last answer %s", patience, response.body()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static Set<String> storedNames() throws Exception {
        Set<String> names = new HashSet<>();
        try (Connection connection = cluster.connect(DATABASE); ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM skill")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

}
