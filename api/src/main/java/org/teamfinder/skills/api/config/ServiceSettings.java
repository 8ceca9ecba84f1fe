package org.teamfinder.skills.api.config;

import java.util.HashMap;
import java.util.Map;

/** Everything the service reads from environment variables (or .env): the HTTP port and the database. */
public record ServiceSettings(int port, DatabaseSettings database) {

    /** Reads the process environment over {@code ./.env}. */
    public static ServiceSettings load() {
        return from(EnvironmentVariables.load());
    }

    public static ServiceSettings from(Map<String, String> variables) {
        return new ServiceSettings(new Variables(variables).integer("PORT", 8080, 0, 65_535), DatabaseSettings.from(variables));
    }

    /** The Micronaut properties these settings amount to. */
    public Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new HashMap<>(database.micronautProperties());
        properties.put("micronaut.server.port", port);
        return properties;
    }
}
