package org.teamfinder.skills.persistence;

import java.io.IOException;
import java.util.List;
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
import org.teamfinder.skills.domain.shared.SkillStoreUnavailable;

/** Turns driver and pool errors into the domain's failures; anything else passes through unchanged. */
final class StoreFailures {

    /** The unique index on skills' names, and the key of the namespace of names and aliases (skill_name). */
    static final List<String> NAME_CONSTRAINTS = List.of("skill_name_key", "skill_name_pkey");
    private static final String UNIQUE_VIOLATION = "23505";
    // PostgreSQL's detail of a unique violation: Key (lower(name::text) COLLATE "und-x-icu")=(java) already exists.
    private static final Pattern TAKEN_KEY = Pattern.compile("\\)=\\((.*)\\) already exists");

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
        if (isUnavailable(error)) {
            return new SkillStoreUnavailable(rootMessage(error), error);
        }
        return error;
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
