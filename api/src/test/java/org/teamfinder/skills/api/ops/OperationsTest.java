package org.teamfinder.skills.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micronaut.web.router.Router;
import io.micronaut.management.endpoint.annotation.Endpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;
import org.yaml.snakeyaml.Yaml;

/** What operators and tools see: health, metrics, request ids, the API description and Swagger UI. */
class OperationsTest {

    @RegisterExtension
    static final RunningService service = new RunningService();

    @Test
    void livenessAndReadinessAreUpWithTheDatabaseChecked() {
        Response liveness = service.get("/health/liveness");
        Response readiness = service.get("/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json()).containsEntry("status", "UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json()).containsEntry("status", "UP");
        assertThat(readiness.json().get("details").toString()).contains("database");
    }

    @Test
    void prometheusShowsRequestsByRouteAndStatusThePoolAndTheJvm() {
        String id = service.post("/skills", "{\"name\": \"Metered " + UUID.randomUUID() + "\"}").header("Location");
        service.get(id);
        service.get("/skills/999999999");

        Response metrics = service.get("/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        assertThat(metrics.text())
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"200\"[^}]*uri=\"/skills/\\{id}\"")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*status=\"404\"[^}]*uri=\"NOT_FOUND\"")
                .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/skills\"")
                .contains("r2dbc_pool_acquired", "r2dbc_pool_idle", "r2dbc_pool_pending", "r2dbc_pool_max_allocated")
                .contains("jvm_memory_used_bytes", "jvm_threads_live_threads", "process_cpu_usage");
    }

    @Test
    void everyResponseCarriesARequestIdAndProblemsRepeatIt() {
        Response generated = service.get("/skills");
        Response given = service.call("GET", "/skills/999999999", null, "X-Request-Id", "client-trace-42");
        Response unknownRoute = service.call("GET", "/nowhere", null, "X-Request-Id", "client-trace-43");

        assertThat(UUID.fromString(generated.header("X-Request-Id"))).isNotNull();
        assertThat(given.header("X-Request-Id")).isEqualTo("client-trace-42");
        assertThat(given.json()).containsEntry("requestId", "client-trace-42");
        assertThat(unknownRoute.status()).isEqualTo(404);
        assertThat(unknownRoute.header("X-Request-Id")).isEqualTo("client-trace-43");
        assertThat(unknownRoute.json()).containsEntry("requestId", "client-trace-43");
    }

    @Test
    void unusableRequestIdsAreReplaced() {
        Response spaced = service.call("GET", "/skills", null, "X-Request-Id", "two words\"");
        Response huge = service.call("GET", "/skills", null, "X-Request-Id", "x".repeat(200));

        assertThat(UUID.fromString(spaced.header("X-Request-Id"))).isNotNull();
        assertThat(UUID.fromString(huge.header("X-Request-Id"))).isNotNull();
    }

    @Test
    void logLinesOfARequestCarryItsId() {
        Logger access = (Logger) LoggerFactory.getLogger("skills.access");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        access.addAppender(captured);
        ch.qos.logback.classic.Level before = access.getLevel();
        access.setLevel(ch.qos.logback.classic.Level.INFO);
        try {
            service.call("GET", "/skills?limit=3", null, "X-Request-Id", "log-trace-7");
            service.call("GET", "/skills/999999999", null, "X-Request-Id", "log-trace-8");
        } finally {
            access.detachAppender(captured);
            access.setLevel(before);
        }

        assertThat(captured.list).anySatisfy(event -> {
            assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "log-trace-7");
            assertThat(event.getFormattedMessage()).startsWith("GET /skills 200 ");
        });
        assertThat(captured.list).anySatisfy(event -> {
            assertThat(event.getMDCPropertyMap()).containsEntry("requestId", "log-trace-8");
            assertThat(event.getFormattedMessage()).startsWith("GET /skills/999999999 404 ");
        });
    }

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws Exception {
        Set<String> served = new TreeSet<>();
        Set<String> operational = new TreeSet<>();
        service.applicationContext().getBean(Router.class).uriRoutes().forEach(route -> {
            String name = route.getHttpMethodName() + " " + route.getUriMatchTemplate().toPathString();
            // Health and metrics are for operators, not clients: left out of the public document by design.
            boolean endpoint = route.getTargetMethod().getDeclaringType().isAnnotationPresent(Endpoint.class);
            (endpoint ? operational : served).add(name);
        });

        Set<String> documented = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> path : documentedPaths().entrySet()) {
            for (String method : path.getValue().keySet()) {
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }

        // Micronaut answers HEAD wherever it answers GET, as HTTP requires (RFC 9110, 9.3.2): documenting
        // the GET documents the HEAD.
        served.removeIf(route -> route.startsWith("HEAD ") && served.contains("GET " + route.substring("HEAD ".length())));

        assertThat(served).as("routes").contains("GET /skills", "PATCH /skills/{id}");
        assertThat(operational).as("operational routes").contains("GET /health", "GET /health/{selector}", "GET /prometheus");
        assertThat(documented).isEqualTo(served);
    }

    @Test
    void theApiDescriptionAndSwaggerUiAreServed() {
        Response description = service.get("/swagger/skills-api.yml");
        Response ui = service.get("/swagger-ui/index.html");

        assertThat(description.status()).isEqualTo(200);
        assertThat(description.text()).startsWith("openapi: 3").contains("/skills/{id}:");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.header("Content-Type")).startsWith("text/html");
        assertThat(ui.text()).contains("swagger-ui");
        assertThat(service.get("/swagger-ui/res/swagger-ui-bundle.js").status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> documentedPaths() throws Exception {
        try (InputStream yaml = OperationsTest.class.getResourceAsStream("/META-INF/swagger/skills-api.yml")) {
            assertThat(yaml).as("generated OpenAPI document").isNotNull();
            Map<String, Object> document = new Yaml().load(yaml);
            return (Map<String, Map<String, Object>>) document.get("paths");
        }
    }

}
