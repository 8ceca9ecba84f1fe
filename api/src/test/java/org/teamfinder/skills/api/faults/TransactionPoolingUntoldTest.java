package org.teamfinder.skills.api.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.persistence.testing.TestPooler;

/**
 * The service behind PgBouncer in transaction mode without being told (no DB_TRANSACTION_POOLING): the
 * driver's named prepared statements collide on the server connections the pooler shares out, and each such
 * request is answered with a problem and logged with the setting that fixes it, never a bare 500, and never
 * half written.
 */
class TransactionPoolingUntoldTest {

    private static final TestPooler POOLER = TestPooler.inFrontOf(System.getenv().getOrDefault("DB_HOST", "127.0.0.1"),
            Integer.parseInt(System.getenv().getOrDefault("DB_PORT", "5432")));

    @AfterAll
    static void stopPooler() {
        POOLER.close();
    }

    @RegisterExtension
    static final RunningService service = new RunningService().withR2dbcUrl(database -> "r2dbc:pool:postgresql://" + POOLER.host() + ":"
            + POOLER.port() + "/" + database.name() + "?initialSize=2&maxSize=6");

    @Test
    void collidingStatementsAreAnsweredWithAProblemAndLoggedWithTheSettingThatFixesThem() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger problems = (Logger) LoggerFactory.getLogger("org.teamfinder.skills.api.http.Problems");
        log.start();
        problems.addAppender(log);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> misconfigured = new ConcurrentLinkedQueue<>();
        try {
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<?>> work = new ArrayList<>();
            for (int client = 0; client < 6; client++) {
                int id = client;
                work.add(clients.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        String name = "Skill " + id + "-" + i;
                        for (RunningService.Response response : List.of(service.post("/skills", "{\"name\": \"" + name + "\"}"),
                                service.get("/skills?limit=5"))) {
                            if (response.status() == 201) {
                                acknowledged.add(name);
                            } else if (response.status() == 500) {
                                String type = String.valueOf(response.json().get("type"));
                                if (type.endsWith(":store-misconfigured")
                                        && response.header("Content-Type").startsWith("application/problem+json")) {
                                    misconfigured.add(type);
                                } else {
                                    unexpected.add(response.status() + " " + response.text());
                                }
                            } else if (response.status() != 200) {
                                unexpected.add(response.status() + " " + response.text());
                            }
                        }
                    }
                }));
            }
            for (Future<?> each : work) {
                each.get();
            }
            clients.shutdown();
        } finally {
            problems.detachAppender(log);
        }

        assertThat(unexpected).isEmpty();
        assertThat(misconfigured).as("requests whose statements collided").isNotEmpty();
        assertThat(log.list).filteredOn(event -> event.getLevel() == Level.ERROR).first()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("answered 500", "prepared statement", "pool_mode = transaction", "set DB_TRANSACTION_POOLING=true");
        List<String> stored = new ArrayList<>();
        try (Connection connection = service.database().connect(); ResultSet rows = connection.createStatement().executeQuery("SELECT name FROM skill")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertThat(stored).as("what was acknowledged, and nothing else").containsExactlyInAnyOrderElementsOf(acknowledged);
    }
}
