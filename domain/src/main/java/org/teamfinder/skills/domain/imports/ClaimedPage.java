package org.teamfinder.skills.domain.imports;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page a runner has claimed for a while (its lease): only that runner may record its outcome, and
 * {@code attempt} counts the claims so far, this one included (more than one means an earlier runner
 * stopped or died while holding it). {@code previous} are the validators the address was last served with,
 * if it was imported before.
 */
public record ClaimedPage(long pageId, UUID jobId, PageAddress address, Optional<String> category, int attempt, String runner,
                          Validators previous) {

    public ClaimedPage {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(address, "address");
        category = category == null ? Optional.empty() : category;
        Objects.requireNonNull(runner, "runner");
        previous = previous == null ? Validators.NONE : previous;
    }

    /** A page never imported before. */
    public ClaimedPage(long pageId, UUID jobId, PageAddress address, Optional<String> category, int attempt, String runner) {
        this(pageId, jobId, address, category, attempt, runner, Validators.NONE);
    }
}
