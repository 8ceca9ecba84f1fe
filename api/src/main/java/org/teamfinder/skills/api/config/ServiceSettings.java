package org.teamfinder.skills.api.config;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the application reads from environment variables (or .env), read and checked once: the HTTP
 * port and threads, the origins a browser front end may call from (CORS), how long shutdown waits for
 * requests in flight, how long idempotency keys are kept, how web-page imports run, and who may write.
 * They become Micronaut properties that the typed settings of each part bind ({@link CatalogSettings},
 * the import runner's and the web adapter's). The database's variables are read by the persistence module.
 */
public record ServiceSettings(int port, List<String> corsOrigins, int shutdownGraceSeconds, int idempotencyRetentionHours,
                              int httpThreads, ImportSettings imports, AuthSettings auth) {

    /**
     * Event-loop threads for HTTP: half the cores (the database driver gets the other half). More threads
     * than cores only add hand-overs: on 2 cores, 1 + 1 served 2.5 times the requests per second of
     * Netty's default of twice the cores for each (bench/run.sh).
     */
    static final int DEFAULT_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    /** The variable behind each property an adapter validates, so that a start-up failure names what the user set. */
    static final Map<String, String> VARIABLE_OF_PROPERTY = Map.of(
            "skills.imports.allowed-hosts", "IMPORT_ALLOWED_HOSTS",
            "skills.imports.connect-timeout", "IMPORT_CONNECT_TIMEOUT_MS",
            "skills.imports.page-timeout", "IMPORT_PAGE_TIMEOUT_MS",
            "skills.imports.max-redirects", "IMPORT_MAX_REDIRECTS",
            "skills.imports.max-page-bytes", "IMPORT_MAX_PAGE_BYTES",
            "skills.imports.max-pages-per-host", "IMPORT_MAX_PAGES_PER_HOST");

    public ServiceSettings {
        corsOrigins = List.copyOf(corsOrigins);
    }

    /** Reads the process environment over {@code ./.env}. */
    public static ServiceSettings load() {
        return from(EnvironmentVariables.load());
    }

    public static ServiceSettings from(Map<String, String> variables) {
        Variables read = new Variables(variables);
        return new ServiceSettings(
                read.integer("PORT", 8080, 0, 65_535),
                read.text("CORS_ALLOWED_ORIGINS").map(ServiceSettings::origins).orElse(List.of()),
                read.integer("SHUTDOWN_GRACE_PERIOD_SECONDS", 20, 0, 3600),
                // Never below 24 hours: clients are promised that a retry within a day is recognised.
                read.integer("IDEMPOTENCY_KEY_RETENTION_HOURS", 24, 24, 24 * 365),
                read.integer("HTTP_THREADS", DEFAULT_THREADS, 1, 256),
                ImportSettings.from(read),
                AuthSettings.from(read));
    }

    /** The Micronaut properties these settings amount to. */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new HashMap<>(imports.micronautProperties());
        properties.putAll(auth.micronautProperties());
        properties.put("micronaut.server.port", port);
        properties.put("micronaut.netty.event-loops.default.num-threads", httpThreads);
        // On SIGTERM: stop accepting, let requests in flight finish (at most this long), then close the rest.
        properties.put("micronaut.lifecycle.graceful-shutdown.enabled", true);
        properties.put("micronaut.lifecycle.graceful-shutdown.grace-period", shutdownGraceSeconds + "s");
        properties.put("skills.idempotency.retention", idempotencyRetentionHours + "h");
        if (!corsOrigins.isEmpty()) {
            properties.put("micronaut.server.cors.enabled", true);
            if (corsOrigins.contains("*")) {
                properties.put("micronaut.server.cors.configurations.frontend.allowed-origins-regex", ".*");
            } else {
                properties.put("micronaut.server.cors.configurations.frontend.allowed-origins", corsOrigins);
            }
        }
        return properties;
    }

    private static List<String> origins(String text) {
        List<String> origins = Arrays.stream(text.split(",")).map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        for (String origin : origins) {
            if (origin.equals("*")) {
                continue;
            }
            URI uri;
            try {
                uri = URI.create(origin);
            } catch (IllegalArgumentException e) {
                throw new InvalidConfiguration("CORS_ALLOWED_ORIGINS: '" + origin + "' is not an origin such as https://app.example.org");
            }
            if (uri.getScheme() == null || uri.getHost() == null || (uri.getPath() != null && !uri.getPath().isEmpty())
                    || uri.getQuery() != null || uri.getFragment() != null) {
                throw new InvalidConfiguration("CORS_ALLOWED_ORIGINS: '" + origin
                        + "' is not an origin: give scheme, host and optional port only, such as https://app.example.org");
            }
        }
        return origins;
    }
}
