package org.teamfinder.skills.domain.imports;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of an import job and its outcome: the HTTP status it was answered with (of the last redirect),
 * how many skills were found on it, how many of those were new to the catalogue and how many it had
 * already, whether it was unchanged since its last import (not read again), and for a failed page the
 * reason in plain words.
 */
public record PageImport(PageAddress address, PageState state, Optional<Integer> httpStatus, int skillsFound, int skillsCreated,
                         int skillsAlreadyPresent, boolean unchanged, Optional<String> error, Optional<Instant> finishedAt) {

    public PageImport(PageAddress address, PageState state, Optional<Integer> httpStatus, int skillsFound, int skillsCreated,
                      int skillsAlreadyPresent, Optional<String> error, Optional<Instant> finishedAt) {
        this(address, state, httpStatus, skillsFound, skillsCreated, skillsAlreadyPresent, false, error, finishedAt);
    }

    public PageImport {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(state, "state");
        httpStatus = httpStatus == null ? Optional.empty() : httpStatus;
        error = error == null ? Optional.empty() : error;
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
    }
}
