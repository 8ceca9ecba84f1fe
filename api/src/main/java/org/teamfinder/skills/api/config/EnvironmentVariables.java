package org.teamfinder.skills.api.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;

/** The variables the service is configured by: a {@code .env} file in the working directory, overridden by the real environment. */
public final class EnvironmentVariables {

    private EnvironmentVariables() {
    }

    /** The process environment over {@code ./.env}, when that file exists. */
    public static Map<String, String> load() {
        return load(Path.of(".env"), System.getenv());
    }

    static Map<String, String> load(Path dotenvFile, Map<String, String> environment) {
        Map<String, String> variables = new HashMap<>();
        if (Files.isRegularFile(dotenvFile)) {
            try {
                Dotenv dotenv = Dotenv.configure()
                        .directory(dotenvFile.toAbsolutePath().getParent().toString())
                        .filename(dotenvFile.getFileName().toString())
                        .load();
                for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                    variables.put(entry.getKey(), entry.getValue());
                }
            } catch (DotenvException e) {
                throw new InvalidConfiguration("Cannot read " + dotenvFile.toAbsolutePath() + ": " + e.getMessage());
            }
        }
        variables.putAll(environment);
        return variables;
    }
}
