package org.teamfinder.skills.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;

/**
 * When PostgreSQL goes away the service answers 503 problem+json with Retry-After instead of hanging and
 * reports itself not ready (but alive), and when it comes back the service serves and is ready again by
 * itself, with every acknowledged write still there.
 * The service reaches PostgreSQL through a proxy the test can cut.
 */
class DatabaseOutageTest {

    @RegisterExtension
    static final RunningService service = RunningService.behindProxy("initialSize=1&maxSize=4&maxAcquireTime=PT2S&maxCreateConnectionTime=PT2S&connectTimeout=PT2S");

    @Test
    void outageGives503AndTheServiceRecoversByItself() throws InterruptedException {
        Response created = service.post("/skills", "{\"name\": \"Durable\"}");
        assertThat(created.status()).isEqualTo(201);

        service.proxy().cut();
        Logger problems = (Logger) LoggerFactory.getLogger(Problems.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        problems.addAppender(warnings);
        List<String> requestIds = new ArrayList<>();
        for (String path : new String[] {created.header("Location"), "/skills", "/skills?limit=5", "/skills/categories"}) {
            Response unavailable = service.get(path);
            requestIds.add(unavailable.header("X-Request-Id"));
            assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
            assertThat(unavailable.header("Content-Type")).isEqualTo("application/problem+json");
            assertThat(unavailable.header("Retry-After")).isEqualTo("5");
            assertThat(unavailable.json()).containsEntry("type", "urn:teamfinder:problem:store-unavailable");
            assertThat(unavailable.text()).doesNotContain("127.0.0.1", "Exception");
        }
        assertThat(service.post("/skills", "{\"name\": \"Lost?\"}").status()).isEqualTo(503);
        problems.detachAppender(warnings);
        // An outage is logged once, under the first failed request's id; the other 503s of those 10 s are only counted.
        assertThat(warnings.list).singleElement()
                .satisfies(event -> assertThat(event.getMDCPropertyMap()).containsEntry("requestId", requestIds.get(0)));
        Response readiness = service.get("/health/readiness");
        assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
        assertThat(readiness.json()).containsEntry("status", "DOWN");
        assertThat(readiness.text()).contains("PostgreSQL did not answer");
        assertThat(service.get("/health/liveness").status()).as("alive while the database is away").isEqualTo(200);

        service.proxy().restore();
        Response afterRecovery = awaitStatus(created.header("Location"), 200, Duration.ofSeconds(15));
        assertThat(awaitStatus("/health/readiness", 200, Duration.ofSeconds(15)).json()).containsEntry("status", "UP");

        assertThat(afterRecovery.json()).isEqualTo(created.json());
        assertThat(service.get("/skills").jsonList()).extracting(skill -> skill.get("name")).containsExactly("Durable");
    }

    private static Response awaitStatus(String path, int status, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Response response = service.get(path);
        while (response.status() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = service.get(path);
        }
        return response;
    }
}
