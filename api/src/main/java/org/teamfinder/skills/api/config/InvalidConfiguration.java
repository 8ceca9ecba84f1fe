package org.teamfinder.skills.api.config;

import io.micronaut.context.exceptions.ConfigurationException;

/** A setting from the environment or .env that cannot be used; the message names the variable and says why. */
public final class InvalidConfiguration extends ConfigurationException {

    public InvalidConfiguration(String message) {
        super(message);
    }
}
