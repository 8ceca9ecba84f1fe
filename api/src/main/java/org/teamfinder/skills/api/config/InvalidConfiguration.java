package org.teamfinder.skills.api.config;

/** A setting from the environment or .env that cannot be used; the message names the variable and says why. */
public final class InvalidConfiguration extends RuntimeException {

    public InvalidConfiguration(String message) {
        super(message);
    }
}
