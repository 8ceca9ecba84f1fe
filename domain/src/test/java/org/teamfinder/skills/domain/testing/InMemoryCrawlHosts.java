package org.teamfinder.skills.domain.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.RobotsFile;
import org.teamfinder.skills.domain.imports.port.out.CrawlHosts;

/** {@link CrawlHosts} in memory, for tests of fetching: robots.txt files and next slots in maps, on a clock. */
public final class InMemoryCrawlHosts implements CrawlHosts {

    private final Clock clock;
    private final Map<String, RobotsFile> robots = new HashMap<>();
    private final Map<String, Instant> nextSlot = new HashMap<>();

    public InMemoryCrawlHosts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized CompletionStage<Optional<RobotsFile>> robots(String authority) {
        return CompletableFuture.completedFuture(Optional.ofNullable(robots.get(authority)));
    }

    @Override
    public synchronized CompletionStage<Void> rememberRobots(String authority, RobotsFile file) {
        robots.put(authority, file);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Instant> reserveFetch(String authority, Duration spacing) {
        Instant now = clock.instant();
        Instant slot = nextSlot.getOrDefault(authority, now);
        if (slot.isBefore(now)) {
            slot = now;
        }
        nextSlot.put(authority, slot.plus(spacing));
        return CompletableFuture.completedFuture(slot);
    }
}
