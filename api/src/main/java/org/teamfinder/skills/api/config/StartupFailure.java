package org.teamfinder.skills.api.config;

import java.util.Map;

import io.micronaut.context.exceptions.ConfigurationException;

/**
 * Why the service could not start, in one line for people: the message of the configuration failure behind
 * it (a setting that cannot be used, a database that cannot be reached), with the properties an adapter
 * names turned back into the variables the user actually set.
 */
public final class StartupFailure {

    private StartupFailure() {
    }

    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConfigurationException configuration && configuration.getMessage() != null) {
                return inVariables(configuration.getMessage(), ServiceSettings.VARIABLE_OF_PROPERTY);
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "the service could not start: " + (root.getMessage() == null ? root.getClass().getName() : root.getMessage());
    }

    static String inVariables(String message, Map<String, String> variableOfProperty) {
        String text = message.lines().findFirst().orElse("").strip();
        for (Map.Entry<String, String> entry : variableOfProperty.entrySet()) {
            text = text.replace(entry.getKey(), entry.getValue());
        }
        return text;
    }
}
