package org.teamfinder.skills.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** The schema Flyway builds holds the domain's rules on its own, for writers that bypass the service. */
class SchemaTest {

    private static TestDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestDatabase.create();
        ApplicationContext.run(database.micronautProperties()).close();
    }

    @AfterAll
    static void drop() {
        database.close();
    }

    @BeforeEach
    void empty() {
        database.truncate();
    }

    @Test
    void flywayAppliedEveryMigrationInOrder() throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Connection connection = database.connect();
             ResultSet result = connection.createStatement().executeQuery(
                     "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (result.next()) {
                assertThat(result.getBoolean("success")).isTrue();
                applied.add(result.getString("version"));
            }
        }
        assertThat(applied).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "leading space         | ' Java'                | skill_name_trimmed",
            "empty name            | ''                     | skill_name_not_blank",
            "control character     | E'Ja\\x07va'           | skill_name_no_control",
            "too long              | repeat('x', 101)       | 22001",
    })
    void invalidNamesAreRefused(String what, String nameSql, String expected) {
        assertThatThrownBy(() -> insert(nameSql))
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage() + ((SQLException) e).getSQLState()).contains(expected));
    }

    @Test
    void namesAreUniqueIgnoringCaseInEveryScript() throws SQLException {
        insert("'Ärger-Ω'");

        assertThatThrownBy(() -> insert("'äRGER-ω'")).hasMessageContaining("skill_name_key");
    }

    @Test
    void aNameAndAnAliasShareOneNamespaceWhoeverWrites() throws SQLException {
        database.execute("INSERT INTO skill (name, aliases, created_at, updated_at) VALUES ('JavaScript', '{JS, Джаваскрипт}', now(), now())");

        assertThatThrownBy(() -> insert("'js'")).hasMessageContaining("skill_name_pkey");
        assertThatThrownBy(() -> database.execute(
                "INSERT INTO skill (name, aliases, created_at, updated_at) VALUES ('TypeScript', '{ДЖАВАСКРИПТ}', now(), now())"))
                .rootCause().hasMessageContaining("skill_name_pkey").hasMessageContaining("(джаваскрипт) already exists");
    }

    @Test
    void descriptionMayHoldLineBreaksButNotOtherControlCharacters() throws SQLException {
        insert("'ok'", "E'line\\r\\n\\tnext'");

        assertThatThrownBy(() -> insert("'bad'", "E'bell\\x07'")).hasMessageContaining("skill_description_control");
    }

    private static void insert(String nameSql) throws SQLException {
        insert(nameSql, "NULL");
    }

    private static void insert(String nameSql, String descriptionSql) throws SQLException {
        try (Connection connection = database.connect();
             PreparedStatement statement = connection.prepareStatement(
                     "INSERT INTO skill (name, description, created_at, updated_at) VALUES (" + nameSql + ", " + descriptionSql + ", now(), now())")) {
            statement.executeUpdate();
        }
    }
}
