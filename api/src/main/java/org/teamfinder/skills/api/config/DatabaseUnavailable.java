package org.teamfinder.skills.api.config;

/** The service cannot start because its database cannot be reached or used; the message says what to do. */
public final class DatabaseUnavailable extends RuntimeException {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
