package org.teamfinder.skills.persistence;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeoutException;

import io.r2dbc.postgresql.api.ErrorDetails;
import io.r2dbc.postgresql.api.PostgresqlException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.DuplicateSkillNames;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.shared.SkillStoreMisconfigured;
import org.teamfinder.skills.domain.shared.SkillStoreUnavailable;

/**
 * Turns driver and pool errors into the domain's failures (an unreachable store, a store set up wrongly, a
 * name taken); anything else passes through unchanged.
 */
final class StoreFailures {

    /** The unique index on skills' names, and the key of the namespace of names and aliases (skill_name). */
    static final List<String> NAME_CONSTRAINTS = List.of("skill_name_key", "skill_name_pkey");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PROTOCOL_VIOLATION = "08P01";
    // PostgreSQL's detail of a unique violation: Key (lower(name::text) COLLATE "und-x-icu")=(java) already exists.
    private static final Pattern TAKEN_KEY = Pattern.compile("\\)=\\((.*)\\) already exists");
    private static final String TRANSACTION_POOLING_REMEDY = "the service is connected through a pooler in transaction mode "
            + "(PgBouncer's pool_mode = transaction): set DB_TRANSACTION_POOLING=true";
    private static final String MIGRATE_REMEDY = "the schema is missing or older than this version: run the migrate command "
            + "against PostgreSQL directly, or start with DB_MIGRATE_ON_START=true";

    /**
     * Errors no request can cause, only the way the database is set up, each with the change that ends it. The
     * first two (and a protocol violation naming a prepared statement) come from a pooler in transaction mode
     * handing the driver another server connection than the one its named prepared statements live on.
     */
    private static final Map<String, String> REMEDIES = Map.of(
            "42P05", TRANSACTION_POOLING_REMEDY,
            "26000", TRANSACTION_POOLING_REMEDY,
            "42P01", MIGRATE_REMEDY,
            "42703", MIGRATE_REMEDY,
            "42883", MIGRATE_REMEDY,
            "42501", "give DB_USER the rights the migrations grant their owner on the catalogue's tables, or connect as that owner",
            "25006", "point DB_HOST (or DATABASE_URL) at the primary server, not at a read-only standby");

    private StoreFailures() {
    }

    /** The domain failure an error stands for: an unreachable database, or the error itself. */
    static Throwable translate(Throwable error) {
        return translate(error, (String) null);
    }

    /** The domain failure an error stands for: a duplicate name, an unreachable database, or the error itself. */
    static Throwable translate(Throwable error, String attemptedName) {
        if (attemptedName != null && isDuplicateName(error)) {
            return new DuplicateSkillName(attemptedName);
        }
        Optional<SkillStoreMisconfigured> misconfigured = misconfiguration(error);
        if (misconfigured.isPresent()) {
            return misconfigured.get();
        }
        if (isUnavailable(error)) {
            return new SkillStoreUnavailable(rootMessage(error), error);
        }
        return error;
    }

    private static Optional<SkillStoreMisconfigured> misconfiguration(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                ErrorDetails details = postgres.getErrorDetails();
                // A statement bound to another one's name: "bind message supplies 5 parameters, but prepared statement "S_4" requires 1".
                boolean foreignStatement = PROTOCOL_VIOLATION.equals(details.getCode()) && details.getMessage().contains("prepared statement");
                return Optional.ofNullable(foreignStatement ? TRANSACTION_POOLING_REMEDY : REMEDIES.get(details.getCode()))
                        .map(remedy -> new SkillStoreMisconfigured("PostgreSQL said \"" + details.getMessage() + "\" (SQLSTATE "
                                + details.getCode() + ")", remedy, error));
            }
        }
        return Optional.empty();
    }

    /**
     * As {@link #translate}, for a write of {@code attempted}: a name or alias taken by another skill becomes
     * {@link DuplicateSkillName} naming which of the content's names it was.
     */
    static Throwable translate(Throwable error, SkillContent attempted) {
        if (isDuplicateName(error)) {
            Optional<String> key = takenKey(error);
            String taken = key.flatMap(k -> namesOf(attempted).stream().filter(name -> SkillContent.keyOf(name).equals(k)).findFirst())
                    .orElse(attempted.name());
            return new DuplicateSkillName(taken);
        }
        return translate(error, (String) null);
    }

    static List<String> namesOf(SkillContent content) {
        List<String> names = new java.util.ArrayList<>();
        names.add(content.name());
        names.addAll(content.aliases());
        return names;
    }

    /**
     * As {@link #translate}, for a batch: a unique violation (another writer took a name between the
     * batch's check and its insert) becomes {@link DuplicateSkillNames} naming the batch's item.
     */
    static Throwable translateBatch(Throwable error, List<SkillContent> batch) {
        if (isDuplicateName(error)) {
            Optional<String> key = takenKey(error);
            List<String> names = batch.stream()
                    .flatMap(content -> namesOf(content).stream())
                    .filter(name -> key.map(SkillContent.keyOf(name)::equals).orElse(false))
                    .toList();
            return new DuplicateSkillNames(names.isEmpty() ? List.of(key.orElse("?")) : names);
        }
        return translate(error);
    }

    private static Optional<String> takenKey(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                return postgres.getErrorDetails().getDetail()
                        .map(TAKEN_KEY::matcher)
                        .filter(Matcher::find)
                        .map(matcher -> matcher.group(1));
            }
        }
        return Optional.empty();
    }

    static boolean isDuplicateName(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PostgresqlException postgres) {
                ErrorDetails details = postgres.getErrorDetails();
                return UNIQUE_VIOLATION.equals(details.getCode())
                        && details.getConstraintName().filter(NAME_CONSTRAINTS::contains).isPresent();
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
