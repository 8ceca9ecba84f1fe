package org.teamfinder.skills.domain.imports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A host's robots.txt as fetched: the status it was answered with (absent: the host could not be reached),
 * its text (empty unless 2xx), when it was fetched and until when that answer holds (RFC 9309: a day at
 * most; after a server error or no answer, a shorter while, then it is fetched again).
 */
public record RobotsFile(Optional<Integer> status, String text, Instant fetchedAt, Instant expiresAt) {

    public RobotsFile {
        status = status == null ? Optional.empty() : status;
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isFreshAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
