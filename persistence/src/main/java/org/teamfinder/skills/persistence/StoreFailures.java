package org.teamfinder.skills.persistence;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.SkillStoreUnavailable;

/** Turns driver and pool errors into the domain's failures; anything else passes through unchanged. */
final class StoreFailures {

    static final String UNIQUE_NAME_INDEX = "skill_name_key";
    private static final String UNIQUE_VIOLATION = "23505";

    private StoreFailures() {
    }

    /** The domain failure an error stands for: a duplicate name, an unreachable database, or the error itself. */
    static Throwable translate(Throwable error, String attemptedName) {
        if (attemptedName != null && isDuplicateName(error)) {
            return new DuplicateSkillName(attemptedName);
        }
        if (isUnavailable(error)) {
            return new SkillStoreUnavailable(rootMessage(error), error);
        }
        return error;
    }

    private static boolean isDuplicateName(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                ErrorDetails details = postgres.getErrorDetails();
                return UNIQUE_VIOLATION.equals(details.getCode())
                        && details.getConstraintName().filter(UNIQUE_NAME_INDEX::equals).isPresent();
            }
        }
        return false;
    }

    /**
     * Whether the database could not be reached or used at all: no connection could be made or acquired
     * in time, the connection broke, or the server is shutting down or starting up (SQLSTATE class 08, 57P0x).
     */
    private static boolean isUnavailable(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcNonTransientResourceException
                    || cause instanceof R2dbcTransientResourceException
                    || cause instanceof R2dbcTimeoutException
                    || cause instanceof TimeoutException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof PostgresqlException postgres) {
                String code = postgres.getErrorDetails().getCode();
                return code.startsWith("08") || code.startsWith("57P0");
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
