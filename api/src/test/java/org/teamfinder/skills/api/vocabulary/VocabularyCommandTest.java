package org.teamfinder.skills.api.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** The vocabulary command against a fresh PostgreSQL database, as an operator runs it. */
class VocabularyCommandTest {

    private final TestDatabase database = TestDatabase.create();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void drop() {
        database.close();
    }

    @Test
    void theStarterVocabularyLoadsInBatchesOnceAndLeavesCuratedSkillsAlone() throws SQLException {
        VocabularyCommand command = command();
        assertThat(command.run("starter")).isTrue();
        database.execute("UPDATE skill SET description = 'Curated', aliases = '{}' WHERE name = 'Python'");
        int skills = count("SELECT count(*) FROM skill");

        assertThat(command().run()).isTrue();

        assertThat(skills).isGreaterThanOrEqualTo(1000);
        assertThat(count("SELECT count(*) FROM skill")).isEqualTo(skills);
        assertThat(count("SELECT count(*) FROM skill WHERE name = 'Python' AND description = 'Curated' AND aliases = '{}'")).isEqualTo(1);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("500/" + skills + " entries read", "loaded the starter vocabulary: " + skills + " skills created",
                "0 skills created, 0 aliases added to skills of the same concept, " + skills + " entries loaded before");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void escoInTwoLanguagesMakesOneSkillPerConcept() throws Exception {
        assertThat(command().run("esco", fixture("skills_en.csv"))).isTrue();
        assertThat(command().run("esco", fixture("skills_ru.csv"))).isTrue();

        assertThat(count("SELECT count(*) FROM skill")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM skill WHERE name = 'work in teams' AND 'работа в команде' = ANY(aliases)")).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("language ru", "0 skills created, 6 aliases added");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("left out row 4");
    }

    @Test
    void aFileThatCannotBeReadIsOneLineAndAFailure() {
        assertThat(command().run("esco", "/no/such/skills_en.csv")).isFalse();
        assertThat(command().run("esco", "/no/such/file.csv")).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read the vocabulary", "name the language of file.csv");
    }

    private VocabularyCommand command() {
        return new VocabularyCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.copyOf(database.micronautProperties()));
    }

    private static String fixture(String name) throws URISyntaxException {
        return Path.of(VocabularyCommandTest.class.getResource("/vocabulary/" + name).toURI()).toString();
    }

    private int count(String sql) throws SQLException {
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
