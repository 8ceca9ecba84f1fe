package org.teamfinder.skills.api.config;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the service's database exists before anything uses it, creating it when the user may, and
 * turns "cannot connect" into one line that says what was tried and which variables to set. Runs once,
 * before the HTTP server starts, so its blocking JDBC calls never meet a request.
 */
public final class DatabaseBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);
    private static final String UNDEFINED_DATABASE = "3D000";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String REACH_HINT = "Start PostgreSQL there, or point the service at it with DB_HOST, DB_PORT, DB_NAME, "
            + "DB_USER and DB_PASS (or DATABASE_URL), in the environment or in .env.";
    private static final String LOGIN_HINT = "Check DB_USER and DB_PASS (or DATABASE_URL), in the environment or in .env.";

    private final DatabaseSettings settings;

    public DatabaseBootstrap(DatabaseSettings settings) {
        this.settings = settings;
    }

    /**
     * Connects to the database, creating it first when PostgreSQL says it does not exist.
     *
     * @throws DatabaseUnavailable when the server cannot be reached, refuses the user, or the database cannot be created
     */
    public void ensureDatabaseExists() {
        try (Connection ignored = connect(settings.jdbcUrl())) {
            return;
        } catch (SQLException e) {
            if (!UNDEFINED_DATABASE.equals(e.getSQLState())) {
                throw unavailable(e);
            }
        }
        createDatabase();
    }

    private void createDatabase() {
        try (Connection connection = connect(settings.jdbcUrl("postgres")); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + settings.name() + "\" ENCODING 'UTF8' TEMPLATE template0");
            LOG.info("Created database '{}' on {}", settings.name(), settings.describe());
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) { // another instance created it meanwhile: fine
                throw new DatabaseUnavailable("Database '" + settings.name() + "' does not exist on " + settings.describe()
                        + " and could not be created: " + firstSentence(e) + " Create it, or set DB_NAME to one that exists.", e);
            }
        }
    }

    private Connection connect(String url) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("loginTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        return DriverManager.getConnection(url, properties);
    }

    private DatabaseUnavailable unavailable(SQLException e) {
        // SQLSTATE class 28 is "invalid authorization", 08 "connection exception".
        String hint = e.getSQLState() != null && e.getSQLState().startsWith("28") ? LOGIN_HINT : REACH_HINT;
        return new DatabaseUnavailable("Cannot use " + settings.describe() + ": " + firstSentence(e) + " " + hint, e);
    }

    private static String firstSentence(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        int end = message.indexOf(". ");
        String sentence = end < 0 ? message : message.substring(0, end + 1);
        return sentence.endsWith(".") ? sentence : sentence + ".";
    }
}
