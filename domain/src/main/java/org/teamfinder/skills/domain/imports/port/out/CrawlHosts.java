package org.teamfinder.skills.domain.imports.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.RobotsFile;

/**
 * What every instance of the service knows of the hosts it fetches pages from, kept where they all see it:
 * each host's robots.txt as last fetched, and when its next page may be fetched, so that a delay between
 * pages of one host holds across instances, not only within one. Hosts are named by their authority
 * (scheme, host and port: {@code https://example.org:443}).
 */
public interface CrawlHosts {

    /** The host's robots.txt as last fetched, if it was. */
    CompletionStage<Optional<RobotsFile>> robots(String authority);

    /** Keeps the host's robots.txt (or that it could not be fetched) for every instance. */
    CompletionStage<Void> rememberRobots(String authority, RobotsFile robots);

    /**
     * Reserves the host's next fetch at least {@code spacing} after the one reserved before it (by any
     * instance): answers when this fetch may start, now or later, and moves the host's next slot on.
     */
    CompletionStage<Instant> reserveFetch(String authority, Duration spacing);
}
