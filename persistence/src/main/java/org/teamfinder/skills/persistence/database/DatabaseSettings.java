package org.teamfinder.skills.persistence.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Where the catalogue's PostgreSQL database is and how to use it, read from the variables the older design
 * used (DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASS, or one DATABASE_URL, which may also be given as
 * ASYNC_DATABASE_URL in SQLAlchemy's form) plus pool, thread and logging settings, and whether the
 * address is a pooler in transaction mode (PgBouncer's pool_mode = transaction) rather than PostgreSQL. Every missing variable
 * takes its documented default; a value that cannot be used fails with a message naming the variable.
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
        int driverThreads,
        boolean echo,
        boolean migrateOnStart,
        boolean transactionPooling) {

    /**
     * Event-loop threads of the driver: half the cores. More threads than cores only add hand-overs: on 2
     * cores, 1 thread for HTTP and 1 for the driver served 2.5 times the requests per second of Netty's
     * default of twice the cores for each (bench/run.sh).
     */
    public static final int DEFAULT_DRIVER_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$-]{0,62}");
    // postgresql://, postgres://, and SQLAlchemy's dialect+driver form: postgresql+asyncpg://, postgresql+psycopg://, ...
    private static final Pattern POSTGRES_SCHEME = Pattern.compile("postgres(ql)?(\\+[a-z0-9_]+)?");
    private static final String URL_SHAPE = "postgresql://user:password@host:5432/database";

    /** Reads the settings from variables given by name. */
    public static DatabaseSettings from(Map<String, String> variables) {
        return from(variables::get);
    }

    /** Reads the settings from the variables (the process environment over .env, as the service sees them). */
    public static DatabaseSettings from(Function<String, String> variables) {
        Read read = new Read(variables);
        String host = read.text("DB_HOST").orElse("localhost");
        int port = read.integer("DB_PORT", 5432, 1, 65_535);
        String name = read.text("DB_NAME").orElse("skills");
        String user = read.text("DB_USER").or(() -> read.text("DB_USERNAME")).orElse("postgres");
        String password = read.raw("DB_PASS").or(() -> read.raw("DB_PASSWORD")).orElse("");

        Optional<Url> url = databaseUrl(read);
        if (url.isPresent()) {
            URI uri = url.get().uri();
            host = uri.getHost();
            port = uri.getPort() == -1 ? 5432 : uri.getPort();
            name = decode(uri.getRawPath().substring(1));
            if (uri.getRawUserInfo() != null) {
                String[] userInfo = uri.getRawUserInfo().split(":", 2);
                user = decode(userInfo[0]);
                password = userInfo.length == 2 ? decode(userInfo[1]) : "";
            }
        }
        if (!SIMPLE_NAME.matcher(name).matches()) {
            throw new ConfigurationException("DB_NAME '" + name + "' is not a plain database name (letters, digits, _ and -).");
        }

        int initialSize = read.integer("DB_POOL_INITIAL_SIZE", 2, 0, 1_000);
        int maxSize = read.integer("DB_POOL_MAX_SIZE", 10, 1, 1_000);
        if (initialSize >= maxSize) {
            // With the two equal, r2dbc-pool has been seen to hand out one connection only.
            throw new ConfigurationException("DB_POOL_INITIAL_SIZE (" + initialSize + ") must be smaller than DB_POOL_MAX_SIZE ("
                    + maxSize + ").");
        }
        boolean transactionPooling = read.bool("DB_TRANSACTION_POOLING", false);
        boolean migrateOnStart = read.bool("DB_MIGRATE_ON_START", true);
        if (transactionPooling && migrateOnStart) {
            // Flyway holds a lock for the whole migration, which a pooler in transaction mode cannot keep.
            throw new ConfigurationException("DB_TRANSACTION_POOLING=true needs DB_MIGRATE_ON_START=false: run the migrate command "
                    + "against PostgreSQL directly (not through the pooler), then start the service.");
        }
        return new DatabaseSettings(host, port, name, user, password, initialSize, maxSize,
                Duration.ofMillis(read.integer("DB_POOL_ACQUIRE_TIMEOUT_MS", 3_000, 1, 600_000)),
                Duration.ofMillis(read.integer("DB_CONNECT_TIMEOUT_MS", 3_000, 1, 600_000)),
                read.integer("DB_THREADS", DEFAULT_DRIVER_THREADS, 1, 256),
                read.bool("DB_ECHO", false),
                migrateOnStart,
                transactionPooling);
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
                + "&connectTimeout=" + connectTimeout
                // Rows in PostgreSQL's binary format: a timestamp is 8 bytes to read, not text to parse (which
                // took a third of the CPU of a list page in the profile).
                + "&forceBinary=true"
                // Behind a pooler in transaction mode, consecutive transactions may run on different server
                // connections, so the driver must not keep named prepared statements on any of them.
                + (transactionPooling ? "&preparedStatementCacheQueries=0" : "");
    }

    /** The JDBC URL Flyway and the start-up check use. It carries no credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + hostAndPort() + "/" + name + "?connectTimeout=" + Math.max(1, connectTimeout.toSeconds());
    }

    /** Where the database is, for people: host, port, database and user, never the password. */
    public String describe() {
        return "PostgreSQL at " + hostAndPort() + " (database '" + name + "', user '" + user + "')";
    }

    /** The Micronaut properties these settings amount to: the default R2DBC and Flyway data sources, and the SQL log. */
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
                + ", pool " + poolInitialSize + ".." + poolMaxSize + ", echo " + echo
                + (transactionPooling ? ", behind a transaction-mode pooler" : "") + "]";
    }

    private String hostAndPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    private record Url(String variable, URI uri) {
    }

    /**
     * DATABASE_URL, or ASYNC_DATABASE_URL as the older design's .env names it; both may be set only to the
     * same address.
     */
    private static Optional<Url> databaseUrl(Read read) {
        Optional<Url> plain = read.text("DATABASE_URL").map(text -> new Url("DATABASE_URL", parseUrl("DATABASE_URL", text)));
        Optional<Url> async = read.text("ASYNC_DATABASE_URL").map(text -> new Url("ASYNC_DATABASE_URL", parseUrl("ASYNC_DATABASE_URL", text)));
        if (plain.isPresent() && async.isPresent() && !sameAddress(plain.get().uri(), async.get().uri())) {
            throw new ConfigurationException("DATABASE_URL and ASYNC_DATABASE_URL name different databases; set only one of them.");
        }
        return plain.or(() -> async);
    }

    private static boolean sameAddress(URI one, URI other) {
        return one.getHost().equalsIgnoreCase(other.getHost()) && one.getPort() == other.getPort()
                && one.getRawPath().equals(other.getRawPath()) && String.valueOf(one.getRawUserInfo()).equals(String.valueOf(other.getRawUserInfo()));
    }

    private static URI parseUrl(String variable, String url) {
        String problem = variable + " must look like " + URL_SHAPE + " (postgres:// and SQLAlchemy's postgresql+asyncpg:// work too)";
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new ConfigurationException(problem + "; " + e.getReason() + ".");
        }
        if (uri.getScheme() == null || !POSTGRES_SCHEME.matcher(uri.getScheme().toLowerCase(Locale.ROOT)).matches()
                || uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw new ConfigurationException(problem + ".");
        }
        if (uri.getRawQuery() != null) {
            throw new ConfigurationException(variable + " options (" + uri.getRawQuery() + ") are not supported; remove them.");
        }
        return uri;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Typed reads of the variables, failing with a message that names the variable. */
    private record Read(Function<String, String> values) {

        Optional<String> raw(String name) {
            return Optional.ofNullable(values.apply(name));
        }

        Optional<String> text(String name) {
            return raw(name).map(String::strip).filter(value -> !value.isEmpty());
        }

        int integer(String name, int defaultValue, int min, int max) {
            return text(name).map(text -> {
                try {
                    int value = Integer.parseInt(text);
                    if (value >= min && value <= max) {
                        return value;
                    }
                } catch (NumberFormatException e) {
                    // reported below
                }
                throw new ConfigurationException(name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'.");
            }).orElse(defaultValue);
        }

        boolean bool(String name, boolean defaultValue) {
            return text(name).map(text -> switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> true;
                case "false", "0", "no", "off" -> false;
                default -> throw new ConfigurationException(name + " must be true or false, not '" + text + "'.");
            }).orElse(defaultValue);
        }
    }
}
