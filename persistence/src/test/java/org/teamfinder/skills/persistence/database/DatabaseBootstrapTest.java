package org.teamfinder.skills.persistence.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.teamfinder.skills.testkit.FreePorts;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** The start-up check against the real local PostgreSQL: it creates a missing database, and says clearly when it cannot connect. */
class DatabaseBootstrapTest {

    @Test
    void missingDatabaseIsCreated() throws SQLException {
        try (TestDatabase server = TestDatabase.create()) {
            String name = server.name() + "_created";
            DatabaseSettings settings = settings(server, Map.of("DB_NAME", name));
            try {
                ensureExists(settings);

                assertThat(databaseExists(server, name)).isTrue();
                ensureExists(settings); // and again, now that it exists
            } finally {
                server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void unreachableServerFailsWithOneLineNamingTheVariables() {
        int closedPort = FreePorts.free();
        DatabaseSettings settings = DatabaseSettings.from(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", Integer.toString(closedPort)));

        assertThatThrownBy(() -> ensureExists(settings))
                .isInstanceOf(DatabaseUnavailable.class)
                .hasMessageStartingWith("Cannot use PostgreSQL at 127.0.0.1:" + closedPort + " (database 'skills', user 'postgres'): ")
                .hasMessageContaining("DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASS (or DATABASE_URL)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unknownUserIsToldToCheckTheCredentials() {
        try (TestDatabase server = TestDatabase.create()) {
            DatabaseSettings settings = settings(server, Map.of("DB_NAME", server.name(), "DB_USER", "nobody_" + server.name()));

            assertThatThrownBy(() -> ensureExists(settings))
                    .isInstanceOf(DatabaseUnavailable.class)
                    .hasMessageContaining("Check DB_USER and DB_PASS");
        }
    }

    private static void ensureExists(DatabaseSettings settings) {
        DatabaseBootstrap.ensureDatabaseExists(settings.jdbcUrl(), settings.user(), settings.password());
    }

    private static DatabaseSettings settings(TestDatabase server, Map<String, String> overrides) {
        Map<String, String> variables = new HashMap<>(Map.of(
                "DB_HOST", server.host(), "DB_PORT", Integer.toString(server.port()),
                "DB_USER", server.user(), "DB_PASS", server.password()));
        variables.putAll(overrides);
        return DatabaseSettings.from(variables);
    }

    private static boolean databaseExists(TestDatabase server, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://" + server.host() + ":" + server.port() + "/postgres", server.user(), server.password());
             ResultSet result = connection.createStatement().executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            return result.next();
        }
    }
}
