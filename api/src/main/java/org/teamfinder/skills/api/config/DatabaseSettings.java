package org.teamfinder.skills.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the catalogue's PostgreSQL database is and how to use it, read from the variables the older design
 * used (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASS, or one DATABASE_URL) plus pool and logging settings.
 * {@link #toString()} never shows the password.
 */
public record DatabaseSettings(
        String host,
        int port,
        String name,
        String user,
        String password,
        int poolInitialSize,
        int poolMaxSize,
        Duration acquireTimeout,
        Duration connectTimeout,
        boolean echo,
        boolean migrateOnStart) {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$-]{0,62}");

    /** Reads the settings; every missing variable takes its documented default. */
    public static DatabaseSettings from(Map<String, String> variables) {
        Variables vars = new Variables(variables);
        String host = vars.text("DB_HOST").orElse("localhost");
        int port = vars.integer("DB_PORT", 5432, 1, 65_535);
        String name = vars.text("DB_NAME").orElse("skills");
        String user = vars.text("DB_USER").or(() -> vars.text("DB_USERNAME")).orElse("postgres");
        String password = vars.raw("DB_PASS").or(() -> vars.raw("DB_PASSWORD")).orElse("");

        Optional<String> url = vars.text("DATABASE_URL");
        if (url.isPresent()) {
            URI uri = parseDatabaseUrl(url.get());
            host = uri.getHost();
            port = uri.getPort() == -1 ? 5432 : uri.getPort();
            name = uri.getPath().substring(1);
            if (uri.getRawUserInfo() != null) {
                String[] userInfo = uri.getRawUserInfo().split(":", 2);
                user = decode(userInfo[0]);
                password = userInfo.length == 2 ? decode(userInfo[1]) : "";
            }
        }
        if (!SIMPLE_NAME.matcher(name).matches()) {
            throw new InvalidConfiguration("DB_NAME '" + name + "' is not a plain database name (letters, digits, _ and -).");
        }

        int initialSize = vars.integer("DB_POOL_INITIAL_SIZE", 2, 0, 1_000);
        int maxSize = vars.integer("DB_POOL_MAX_SIZE", 10, 1, 1_000);
        if (initialSize >= maxSize) {
            // With the two equal, r2dbc-pool has been seen to hand out one connection only.
            throw new InvalidConfiguration("DB_POOL_INITIAL_SIZE (" + initialSize + ") must be smaller than DB_POOL_MAX_SIZE ("
                    + maxSize + ").");
        }
        return new DatabaseSettings(host, port, name, user, password, initialSize, maxSize,
                Duration.ofMillis(vars.integer("DB_POOL_ACQUIRE_TIMEOUT_MS", 3_000, 1, 600_000)),
                Duration.ofMillis(vars.integer("DB_CONNECT_TIMEOUT_MS", 3_000, 1, 600_000)),
                vars.bool("DB_ECHO", false),
                vars.bool("DB_MIGRATE_ON_START", true));
    }

    /** The pooled R2DBC URL the service's requests use. It carries no credentials. */
    public String r2dbcUrl() {
        return "r2dbc:pool:postgresql://" + hostAndPort() + "/" + name
                + "?initialSize=" + poolInitialSize
                + "&maxSize=" + poolMaxSize
                + "&maxAcquireTime=" + acquireTimeout
                // No second attempt after the acquire time: a request waits for a connection at most that long.
                + "&acquireRetry=0"
                + "&maxCreateConnectionTime=" + connectTimeout
                + "&connectTimeout=" + connectTimeout;
    }

    /** The JDBC URL Flyway and the start-up check use. It carries no credentials. */
    public String jdbcUrl() {
        return jdbcUrl(name);
    }

    /** The JDBC URL of another database on the same server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + hostAndPort() + "/" + database + "?connectTimeout=" + Math.max(1, connectTimeout.toSeconds());
    }

    /** Where the database is, for people: host, port, database and user, never the password. */
    public String describe() {
        return "PostgreSQL at " + hostAndPort() + " (database '" + name + "', user '" + user + "')";
    }

    /** The Micronaut properties these settings amount to. */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("r2dbc.datasources.default.url", r2dbcUrl());
        properties.put("r2dbc.datasources.default.username", user);
        properties.put("r2dbc.datasources.default.password", password);
        properties.put("flyway.datasources.default.enabled", migrateOnStart);
        properties.put("flyway.datasources.default.url", jdbcUrl());
        properties.put("flyway.datasources.default.user", user);
        properties.put("flyway.datasources.default.password", password);
        if (echo) {
            properties.put("logger.levels.io.r2dbc.postgresql.QUERY", "DEBUG");
        }
        return properties;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + describe() + ", password " + (password.isEmpty() ? "empty" : "set")
                + ", pool " + poolInitialSize + ".." + poolMaxSize + ", echo " + echo + "]";
    }

    private String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private static URI parseDatabaseUrl(String url) {
        String problem = "DATABASE_URL must look like postgresql://user:password@host:5432/database";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidConfiguration(problem + " (" + e.getReason() + ").");
        }
        if (!("postgresql".equals(uri.getScheme()) || "postgres".equals(uri.getScheme()))
                || uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new InvalidConfiguration(problem + ".");
        }
        if (uri.getRawQuery() != null) {
            throw new InvalidConfiguration("DATABASE_URL options (" + uri.getRawQuery() + ") are not supported; remove them.");
        }
        return uri;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
