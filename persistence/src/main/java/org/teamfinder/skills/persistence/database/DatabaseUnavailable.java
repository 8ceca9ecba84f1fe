package org.teamfinder.skills.persistence.database;

import io.micronaut.context.exceptions.ConfigurationException;

/** The service cannot start because its database cannot be reached or used; the message says what to do. */
public final class DatabaseUnavailable extends ConfigurationException {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
