package org.teamfinder.skills.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.persistence.database.DatabaseSettings;
import org.teamfinder.skills.persistence.testing.TestPooler;

/**
 * The service behind PgBouncer in transaction mode, where consecutive transactions of one connection run on
 * different server connections, told so (DB_TRANSACTION_POOLING=true): every kind of request works under
 * concurrent load, with the driver set up by the setting itself. (Not told: {@link TransactionPoolingUntoldTest}.)
 */
class TransactionPoolingTest {

    private static final TestPooler POOLER = TestPooler.inFrontOf(System.getenv().getOrDefault("DB_HOST", "127.0.0.1"),
            Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432")));

    @AfterAll
    static void stopPooler() {
        POOLER.close();
    }

    @RegisterExtension
    static final RunningService service = new RunningService().withR2dbcUrl(database -> DatabaseSettings.from(Map.of(
            "DB_HOST", POOLER.host(), "DB_PORT", String.valueOf(POOLER.port()), "DB_NAME", database.name(),
            "DB_POOL_INITIAL_SIZE", "2", "DB_POOL_MAX_SIZE", "6",
            "DB_TRANSACTION_POOLING", "true", "DB_MIGRATE_ON_START", "false")).r2dbcUrl());

    @Test
    void everyKindOfRequestWorksUnderConcurrentLoad() throws Exception {
        service.post("/skills", "{\"name\": \"Kotlin\", \"aliases\": [\"kt\"]}");
        long target = ((Number) service.post("/skills", "{\"name\": \"Rust\"}").json().get("id")).longValue();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int client = 0; client < 6; client++) {
            int id = client;
            work.add(clients.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String name = "Skill " + id + "-" + i;
                    expect(unexpected, service.post("/skills", "{\"name\": \"" + name + "\", \"aliases\": [\"a" + id + "-" + i + "\"]}"), 201);
                    expect(unexpected, service.call("POST", "/skills", "{\"name\": \"Keyed " + id + "-" + i + "\"}",
                            "Idempotency-Key", "key-" + id + "-" + i), 201);
                    expect(unexpected, service.call("POST", "/skills", "{\"name\": \"Keyed " + id + "-" + i + "\"}",
                            "Idempotency-Key", "key-" + id + "-" + i), 201);
                    expect(unexpected, service.post("/skills/batch", "{\"skills\": [{\"name\": \"Batch " + id + "-" + i + "a\"}, "
                            + "{\"name\": \"Batch " + id + "-" + i + "b\"}]}"), 201);
                    expect(unexpected, service.get("/skills?q=skill&limit=5"), 200);
                    expect(unexpected, service.get("/skills?limit=5&sort=popularity"), 200);
                    expect(unexpected, service.get("/skills/suggest?q=kot"), 200);
                    expect(unexpected, service.get("/skills/resolve?name=kt"), 200);
                    expect(unexpected, service.post("/skills/uses", "{\"uses\": [{\"name\": \"kt\"}]}"), 204);
                    expect(unexpected, service.get("/health/readiness"), 200);
                }
            }));
        }
        for (Future<?> each : work) {
            each.get();
        }
        clients.shutdown();
        Map<String, Object> source = service.post("/skills", "{\"name\": \"Rustlang\"}").json();
        expect(unexpected, service.call("POST", "/skills/" + target + "/merges",
                "{\"source\": " + source.get("id") + ", \"sourceVersion\": " + source.get("version") + "}"), 200);

        assertThat(unexpected).isEmpty();
        assertThat(service.database().count("SELECT count(*) FROM skill WHERE name ~ '^(Skill|Keyed|Batch) '")).isEqualTo(6 * 25 * 4);
    }

    private static void expect(ConcurrentLinkedQueue<String> unexpected, RunningService.Response response, int status) {
        if (response.status() != status) {
            unexpected.add(response.status() + " " + response.text());
        }
    }
}
