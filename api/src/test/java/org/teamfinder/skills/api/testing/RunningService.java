package org.teamfinder.skills.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/**
 * The whole service, started for one test class on a random port over its own fresh database, and a plain
 * JDK HTTP client to talk to it, so tests see exactly the bytes a real client would.
 */
public final class RunningService implements BeforeAllCallback, AfterAllCallback {

    private final String proxiedPoolOptions;
    private final Function<TestDatabase, String> r2dbcUrl;
    private final Map<String, Object> extraProperties;
    private TcpProxy proxy;
    private TestDatabase database;
    private EmbeddedServer server;
    private HttpClient client;

    /** The service talking to its database directly. */
    public RunningService() {
        this(null, null, Map.of());
    }

    private RunningService(String proxiedPoolOptions, Function<TestDatabase, String> r2dbcUrl, Map<String, Object> extraProperties) {
        this.proxiedPoolOptions = proxiedPoolOptions;
        this.r2dbcUrl = r2dbcUrl;
        this.extraProperties = Map.copyOf(extraProperties);
    }

    /** The same service with these r2dbc-pool URL options, such as {@code initialSize=1&maxSize=3}. */
    public RunningService withPool(String options) {
        return withR2dbcUrl(database -> database.r2dbcUrl(options));
    }

    /** The same service with the R2DBC URL made from its database by {@code url}. */
    public RunningService withR2dbcUrl(Function<TestDatabase, String> url) {
        return new RunningService(proxiedPoolOptions, url, extraProperties);
    }

    /** The same service with these Micronaut properties set as well. */
    public RunningService with(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(extraProperties);
        all.putAll(properties);
        return new RunningService(proxiedPoolOptions, r2dbcUrl, all);
    }

    /**
     * A service whose requests reach PostgreSQL through a {@link TcpProxy} the test controls (Flyway still
     * migrates directly), with the given r2dbc-pool URL options.
     */
    public static RunningService behindProxy(String poolOptions) {
        return new RunningService(poolOptions, null, Map.of());
    }

    /** The proxy between the service and PostgreSQL; only for {@link #behindProxy(String)}. */
    public TcpProxy proxy() {
        return proxy;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = TestDatabase.create();
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", -1);
        // Writes are open unless a test turns authentication on (see AuthenticationTest).
        properties.put("micronaut.security.enabled", false);
        // No import runner polling the pool unless a test is about imports (see WebPageImportTest).
        properties.put("skills.imports.runner-enabled", false);
        // No delay between pages of one host, unless a test is about politeness (see ImportRunnersTest).
        properties.put("skills.imports.min-delay-per-host", "0ms");
        properties.putAll(extraProperties);
        if (r2dbcUrl != null) {
            properties.put("r2dbc.datasources.default.url", r2dbcUrl.apply(database));
        }
        if (proxiedPoolOptions != null) {
            try {
                proxy = new TcpProxy(database.host(), database.port());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            properties.put("r2dbc.datasources.default.url",
                    "r2dbc:pool:postgresql://127.0.0.1:" + proxy.port() + "/" + database.name() + "?" + proxiedPoolOptions);
        }
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.getApplicationContext().close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    public TestDatabase database() {
        return database;
    }

    public ApplicationContext applicationContext() {
        return server.getApplicationContext();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /**
     * Sends {@code method path} with an optional body (JSON unless a Content-Type header is given) and
     * headers given as name, value, name, value...
     */
    public Response call(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    /** Sends any request; the builder's URI should come from {@link #uri(String)}. */
    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body(), jsonMapper());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonMapper jsonMapper() {
        return applicationContext().getBean(JsonMapper.class);
    }

    /** What came back: status, headers and body, with JSON helpers. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body, JsonMapper mapper) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public Map<String, Object> json() {
            return read(Argument.mapOf(String.class, Object.class));
        }

        public List<Map<String, Object>> jsonList() {
            return read(Argument.listOf(Argument.mapOf(String.class, Object.class)));
        }

        private <T> T read(Argument<T> type) {
            try {
                return mapper.readValue(body, type);
            } catch (IOException e) {
                throw new AssertionError("Not the expected JSON (status " + status + "): " + text(), e);
            }
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
