package org.teamfinder.skills.persistence.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import io.micronaut.flyway.FlywayConfigurationProperties;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the database exists before anything uses it, creating it when the user may, and turns "cannot
 * connect" into one line that says what was tried and which variables to set. It runs as the Flyway
 * configuration of a data source is created, at start-up and before Flyway migrates (whether or not it
 * will), so its blocking JDBC calls happen once, before the HTTP server starts, and never meet a request.
 */
@Singleton
@Requires(classes = FlywayConfigurationProperties.class)
final class DatabaseBootstrap implements BeanCreatedEventListener<FlywayConfigurationProperties>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final String UNDEFINED_DATABASE = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$-]{0,62}");
    private static final String REACH_HINT = "Start PostgreSQL there, or point the service at it with DB_HOST, DB_PORT, DB_NAME, "
            + "DB_USER and DB_PASS (or DATABASE_URL), in the environment or in .env.";
    private static final String LOGIN_HINT = "Check DB_USER and DB_PASS (or DATABASE_URL), in the environment or in .env.";

    @Override
    public FlywayConfigurationProperties onCreated(BeanCreatedEvent<FlywayConfigurationProperties> event) {
        FlywayConfigurationProperties flyway = event.getBean();
        if (flyway.getUrl() != null && flyway.getUrl().startsWith("jdbc:postgresql:")) {
            ensureDatabaseExists(flyway.getUrl(), flyway.getUser(), flyway.getPassword());
        }
        return flyway;
    }

    /** Before Flyway's own listener, which migrates. */
    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    /**
     * Connects to the database, creating it first when PostgreSQL says it does not exist.
     *
     * @throws DatabaseUnavailable when the server cannot be reached, refuses the user, or the database cannot be created
     */
    static void ensureDatabaseExists(String jdbcUrl, String user, String password) {
        Address address = Address.of(jdbcUrl, user);
        try (Connection ignored = connect(jdbcUrl, user, password)) {
            return;
        } catch (SQLException e) {
            if (!UNDEFINED_DATABASE.equals(e.getSQLState())) {
                // SQLSTATE class 28 is "invalid authorization", 08 "connection exception".
                String hint = e.getSQLState() != null && e.getSQLState().startsWith("28") ? LOGIN_HINT : REACH_HINT;
                throw new DatabaseUnavailable("Cannot use " + address.describe() + ": " + firstSentence(e) + " " + hint, e);
            }
        }
        if (!SIMPLE_NAME.matcher(address.database()).matches()) {
            throw new DatabaseUnavailable("Database '" + address.database() + "' does not exist on " + address.describe()
                    + ", and only a plain name (letters, digits, _ and -) is created automatically.", null);
        }
        String serverUrl = jdbcUrl.replaceFirst("/" + Pattern.quote(address.database()) + "(?=\\?|$)", "/postgres");
        try (Connection connection = connect(serverUrl, user, password); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + address.database() + "\" ENCODING 'UTF8' TEMPLATE template0");
            LOG.info("Created database '{}' on {}", address.database(), address.describe());
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // another instance created it meanwhile: fine
                throw new DatabaseUnavailable("Database '" + address.database() + "' does not exist on " + address.describe()
                        + " and could not be created: " + firstSentence(e) + " Create it, or set DB_NAME to one that exists.", e);
            }
        }
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user == null ? "" : user);
        properties.setProperty("password", password == null ? "" : password);
        return DriverManager.getConnection(url, properties);
    }

    private static String firstSentence(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int end = message.indexOf(". ");
        String sentence = end < 0 ? message : message.substring(0, end + 1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }

    /** Host, port and database of a PostgreSQL JDBC URL, and the user, for messages. */
    private record Address(String hostAndPort, String database, String user) {

        static Address of(String jdbcUrl, String user) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String path = uri.getPath() == null || uri.getPath().length() < 2 ? "/" + user : uri.getPath();
            return new Address(host + ":" + port, path.substring(1), user);
        }

        String describe() {
            return "PostgreSQL at " + hostAndPort + " (database '" + database + "', user '" + user + "')";
        }
    }
}
