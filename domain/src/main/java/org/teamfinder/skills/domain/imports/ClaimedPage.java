package org.teamfinder.skills.domain.imports;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A page a runner has claimed for a while (its lease): only that runner may record its outcome, and
 * {@code attempt} counts the claims so far, this one included (more than one means an earlier runner
 * stopped or died while holding it).
 */
public record ClaimedPage(long pageId, UUID jobId, PageAddress address, Optional<String> category, int attempt, String runner) {

    public ClaimedPage {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(address, "address");
        category = category == null ? Optional.empty() : category;
        Objects.requireNonNull(runner, "runner");
    }
}
