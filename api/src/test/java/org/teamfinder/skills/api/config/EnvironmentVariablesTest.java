package org.teamfinder.skills.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvironmentVariablesTest {

    @TempDir
    Path directory;

    @Test
    void dotenvFileIsReadAndTheRealEnvironmentWins() throws IOException {
        Path dotenv = Files.writeString(directory.resolve(".env"), """
                # local development
                DB_HOST=from-file
                DB_PASS="quoted value"
                DB_NAME=file_db
                """);

        Map<String, String> variables = EnvironmentVariables.load(dotenv, Map.of("DB_NAME", "from_env"));

        assertThat(variables).containsEntry("DB_HOST", "from-file")
                .containsEntry("DB_PASS", "quoted value")
                .containsEntry("DB_NAME", "from_env");
    }

    @Test
    void missingDotenvFileIsFine() {
        assertThat(EnvironmentVariables.load(directory.resolve(".env"), Map.of("PORT", "1"))).isEqualTo(Map.of("PORT", "1"));
    }

    @Test
    void malformedDotenvFileIsReportedWithItsPath() throws IOException {
        Path dotenv = Files.writeString(directory.resolve(".env"), "DB_HOST=db\njust words here\n");

        assertThatThrownBy(() -> EnvironmentVariables.load(dotenv, Map.of())).isInstanceOf(InvalidConfiguration.class)
                .hasMessageContaining(dotenv.toString());
    }
}
