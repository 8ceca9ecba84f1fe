package org.teamfinder.skills.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/**
 * Two service instances started at the same moment on one empty database: Flyway applies each migration
 * once (the other instance waits on its lock), both serve, and optimistic locking holds across them.
 */
class TwoInstancesTest {

    private final TestDatabase database = TestDatabase.create();
    private final List<EmbeddedServer> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(instance -> instance.getApplicationContext().close());
        database.close();
    }

    @Test
    void migrationsApplyOnceBothServeAndOptimisticLockingHoldsAcrossThem() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<EmbeddedServer>> starting = List.of(startWhen(go), startWhen(go));
        go.countDown();
        starting.forEach(instance -> instances.add(instance.join()));

        try (Connection connection = database.connect(); ResultSet history = connection.createStatement().executeQuery(
                "SELECT version, count(*) FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version ORDER BY min(installed_rank)")) {
            List<String> applied = new ArrayList<>();
            while (history.next()) {
                assertThat(history.getInt(2)).as("times version %s was applied", history.getString(1)).isEqualTo(1);
                applied.add(history.getString(1));
            }
            assertThat(applied).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        }
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> created = send(client, instances.get(0), "POST", "/skills", "{\"name\": \"Shared\"}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(send(client, instances.get(1), "GET", location, null, null).statusCode()).isEqualTo(200);

        for (int round = 0; round < 10; round++) {
            String etag = send(client, instances.get(round % 2), "GET", location, null, null).headers().firstValue("ETag").orElseThrow();
            int current = round;
            List<CompletableFuture<HttpResponse<String>>> racing = instances.stream()
                    .map(instance -> CompletableFuture.supplyAsync(() -> send(client, instance, "PUT", location,
                            "{\"name\": \"Shared\", \"description\": \"round " + current + " by " + instance.getPort() + "\"}", etag)))
                    .toList();
            List<Integer> statuses = racing.stream().map(answer -> answer.join().statusCode()).sorted().toList();
            assertThat(statuses).as("round %d", round).containsExactly(200, 412);
        }
        assertThat(send(client, instances.get(1), "GET", location, null, null).headers().firstValue("ETag")).contains("\"11\"");
    }

    private CompletableFuture<EmbeddedServer> startWhen(CountDownLatch go) {
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        properties.put("micronaut.security.enabled", false);
        properties.put("skills.imports.runner-enabled", false);
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return ApplicationContext.run(EmbeddedServer.class, properties);
        });
    }

    private static HttpResponse<String> send(HttpClient client, EmbeddedServer instance, String method, String path, String body, String ifMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.getPort() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
