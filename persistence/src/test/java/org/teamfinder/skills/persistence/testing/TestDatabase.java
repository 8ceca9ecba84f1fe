package org.teamfinder.skills.persistence.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A freshly created, empty PostgreSQL database for one test class, dropped again by {@link #close()}.
 * It is made on the server named by DB_HOST, DB_PORT, DB_USER and DB_PASS (default: the local server as
 * postgres), so tests never touch the service's own database. Flyway migrates it when a Micronaut context
 * starts with {@link #micronautProperties()}.
 */
public final class TestDatabase implements AutoCloseable {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String name;

    private TestDatabase(String host, int port, String user, String password, String name) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.name = name;
    }

    /** Creates a new database with a unique name. */
    public static TestDatabase create() {
        String name = "skills_test_" + STAMP.format(LocalDateTime.now()) + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        TestDatabase database = new TestDatabase(
                env("DB_HOST").orElse("127.0.0.1"),
                Integer.parseInt(env("DB_PORT").orElse("5432")),
                env("DB_USER").or(() -> env("DB_USERNAME")).orElse("postgres"),
                env("DB_PASS").or(() -> env("DB_PASSWORD")).orElse(""),
                name);
        database.executeOnServer("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
        return database;
    }

    public String name() {
        return name;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /**
     * The pooled R2DBC URL of this database with these r2dbc-pool options ({@code initialSize=1&maxSize=8}):
     * straight to the server, or through PgBouncer in transaction mode when the tests run through a pooler
     * ({@link TestPooler#REQUESTED}), with the driver set up for it as DB_TRANSACTION_POOLING sets it up.
     */
    public String r2dbcUrl(String poolOptions) {
        if (TestPooler.REQUESTED) {
            TestPooler pooler = TestPooler.shared();
            return "r2dbc:pool:postgresql://" + pooler.host() + ":" + pooler.port() + "/" + name + "?" + poolOptions + "&"
                    + TestPooler.driverOptions() + "&" + DRIVER_OPTIONS;
        }
        return "r2dbc:pool:postgresql://" + host + ":" + port + "/" + name + "?" + poolOptions + "&" + DRIVER_OPTIONS;
    }

    /** The driver options the service's own URL has (DatabaseSettings#r2dbcUrl), so tests decode rows as it does. */
    private static final String DRIVER_OPTIONS = "forceBinary=true";

    /**
     * What a Micronaut context needs to use this database through R2DBC (see {@link #r2dbcUrl}) and migrate
     * it with Flyway, always directly.
     */
    public Map<String, Object> micronautProperties() {
        return Map.of(
                "r2dbc.datasources.default.url", r2dbcUrl("initialSize=1&maxSize=8"),
                "r2dbc.datasources.default.username", user,
                "r2dbc.datasources.default.password", password,
                "flyway.datasources.default.enabled", true,
                "flyway.datasources.default.url", jdbcUrl(),
                "flyway.datasources.default.user", user,
                "flyway.datasources.default.password", password);
    }

    /** Runs SQL in this database over a short-lived JDBC connection (test set-up and checks only). */
    public void execute(String sql) {
        try (Connection connection = connect(jdbcUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in " + name + ": " + sql, e);
        }
    }

    /** The number the query counts, e.g. {@code SELECT count(*) FROM skill}. */
    public long count(String sql) {
        try (Connection connection = connect(jdbcUrl()); Statement statement = connection.createStatement();
             java.sql.ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed in " + name + ": " + sql, e);
        }
    }

    /** Empties every table of the catalogue and restarts its ids, as between tests. */
    public void truncate() {
        execute("TRUNCATE skill, skill_name, skill_name_word, skill_merge, skill_creation_request, vocabulary_entry, import_suggestion, import_page, "
                + "import_job, crawl_host, crawled_page RESTART IDENTITY");
    }

    /** Opens a JDBC connection to this database; the caller closes it. */
    public Connection connect() throws SQLException {
        return connect(jdbcUrl());
    }

    @Override
    public void close() {
        executeOnServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void executeOnServer(String sql) {
        try (Connection connection = connect("jdbc:postgresql://" + host + ":" + port + "/postgres");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot run '" + sql + "' on PostgreSQL at " + host + ":" + port
                    + " as " + user + ". Tests need a running PostgreSQL server: set DB_HOST, DB_PORT, DB_USER, DB_PASS.", e);
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(url, properties);
    }

    private static Optional<String> env(String variable) {
        return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
    }
}
