package org.teamfinder.skills.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.config.ServiceSettings;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;

/** A browser front end on the configured origin may call the API; other origins may not. */
class CorsTest {

    private static final String FRONT_END = "https://app.teamfinder.example";

    // The same properties CORS_ALLOWED_ORIGINS turns into.
    @RegisterExtension
    static final RunningService service = new RunningService().with(corsProperties());

    private static Map<String, Object> corsProperties() {
        Map<String, Object> properties = new java.util.HashMap<>(ServiceSettings.from(Map.of("CORS_ALLOWED_ORIGINS", FRONT_END)).micronautProperties());
        properties.keySet().removeIf(key -> !key.startsWith("micronaut.server.cors"));
        return properties;
    }

    @Test
    void preflightFromTheFrontEndIsAllowed() {
        Response preflight = service.call("OPTIONS", "/skills/1", null,
                "Origin", FRONT_END, "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "If-Match, Content-Type");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("PATCH");
    }

    @Test
    void responsesToTheFrontEndExposeTheHeadersItNeeds() {
        Response list = service.call("GET", "/skills", null, "Origin", FRONT_END);

        assertThat(list.header("Access-Control-Allow-Origin")).isEqualTo(FRONT_END);
        String exposed = list.headers().entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase("Access-Control-Expose-Headers"))
                .flatMap(header -> header.getValue().stream())
                .collect(java.util.stream.Collectors.joining(","));
        assertThat(exposed).contains("ETag", "Link", "Location", "X-Request-Id", "Retry-After");
    }

    @Test
    void otherOriginsGetNoPermission() {
        Response preflight = service.call("OPTIONS", "/skills", null, "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        Response get = service.call("GET", "/skills", null, "Origin", "https://evil.example");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(get.header("Access-Control-Allow-Origin")).isNull();
    }
}
