package org.teamfinder.skills.api.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed reads of configuration variables, failing with a message that names the variable. */
final class Variables {

    private final Map<String, String> values;

    Variables(Map<String, String> values) {
        this.values = values;
    }

    /** The value as given, blank included. */
    Optional<String> raw(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value stripped, absent when blank. */
    Optional<String> text(String name) {
        return raw(name).map(String::strip).filter(value -> !value.isEmpty());
    }

    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> text = text(name);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the allowed range
        }
        throw new InvalidConfiguration(name + " must be a whole number from " + min + " to " + max + ", not '" + text.get() + "'.");
    }

    boolean bool(String name, boolean defaultValue) {
        Optional<String> text = text(name).map(value -> value.toLowerCase(Locale.ROOT));
        if (text.isEmpty()) {
            return defaultValue;
        }
        return switch (text.get()) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidConfiguration(name + " must be true or false, not '" + text.get() + "'.");
        };
    }
}
