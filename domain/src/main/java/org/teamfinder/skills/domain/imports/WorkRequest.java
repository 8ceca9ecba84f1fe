package org.teamfinder.skills.domain.imports;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A runner asking for pages: at most {@code pages} of them, at most {@code perHost} pages of one host in
 * flight counting the ones it already has ({@code inFlightByHost}), each claimed for {@code lease}.
 */
public record WorkRequest(String runner, int pages, int perHost, Map<String, Integer> inFlightByHost, Duration lease) {

    public WorkRequest {
        Objects.requireNonNull(runner, "runner");
        inFlightByHost = Map.copyOf(inFlightByHost);
        if (pages < 0 || perHost < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("pages >= 0, perHost >= 1 and a positive lease are needed");
        }
    }
}
