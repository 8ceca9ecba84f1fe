package org.teamfinder.skills.webpages;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.RobotsFile;
import org.teamfinder.skills.domain.imports.Validators;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.imports.port.out.CrawlHosts;
import org.teamfinder.skills.domain.imports.port.out.WebPageFetcher;

/**
 * Fetches pages as a good citizen of the web, as Scrapy, StormCrawler and Nutch do, around a
 * {@link NettyWebPageFetcher}:
 * <ul>
 *   <li>before a host's first page, its robots.txt (RFC 9309, parsed by crawler-commons for the
 *       {@value NettyWebPageFetcher#ROBOTS_TOKEN} token): a 4xx answer allows everything; a 5xx answer or
 *       none at all disallows everything for a while, then robots.txt is fetched again; a 2xx answer is kept
 *       for a day at most. Every instance shares what was fetched ({@link CrawlHosts}). A page the rules
 *       disallow fails, saying so.</li>
 *   <li>between two pages of one host, the longer of the minimum delay and the host's Crawl-delay (up to a
 *       cap), across every instance: each fetch reserves the host's next slot in the shared store first.</li>
 * </ul>
 */
public final class PoliteWebPageFetcher implements WebPageFetcher {

    /** How long a robots.txt answered 2xx or 4xx holds before it is fetched again (RFC 9309: at most a day). */
    static final Duration ROBOTS_KEPT = Duration.ofHours(24);

    private final NettyWebPageFetcher fetcher;
    private final CrawlHosts hosts;
    private final Politeness politeness;
    private final Clock clock;
    private final Map<String, Parsed> rules = new ConcurrentHashMap<>();

    /** How polite to be: the least delay between pages of a host, the most of a Crawl-delay honoured, and how soon to try a failed robots.txt again. */
    public record Politeness(Duration minDelayPerHost, Duration maxCrawlDelay, Duration robotsRetryAfter) {
    }

    public PoliteWebPageFetcher(NettyWebPageFetcher fetcher, CrawlHosts hosts, Politeness politeness, Clock clock) {
        this.fetcher = fetcher;
        this.hosts = hosts;
        this.politeness = politeness;
        this.clock = clock;
    }

    @Override
    public CompletionStage<WebPage> fetch(PageAddress address, Validators previous) {
        URI origin = origin(address.uri());
        String authority = origin.toString();
        return rulesFor(authority, origin)
                .thenCompose(robots -> {
                    if (!robots.isAllowed(address.uri().toString())) {
                        throw new PageFetchFailed(robots.isAllowNone()
                                ? "not fetched: the site's robots.txt could not be read (the server failed or did not answer), so "
                                        + "nothing on it is fetched for a while"
                                : "not fetched: the site's robots.txt does not allow " + NettyWebPageFetcher.ROBOTS_TOKEN + " to fetch this page");
                    }
                    return hosts.reserveFetch(authority, spacing(robots));
                })
                .thenCompose(this::waitUntil)
                .thenCompose(ready -> fetcher.fetch(address, previous));
    }

    /** The delay kept between two pages of the host: the minimum, or its Crawl-delay up to the cap. */
    private Duration spacing(BaseRobotRules robots) {
        Duration crawlDelay = robots.getCrawlDelay() == BaseRobotRules.UNSET_CRAWL_DELAY ? Duration.ZERO
                : Duration.ofMillis(Math.max(0, robots.getCrawlDelay()));
        Duration capped = crawlDelay.compareTo(politeness.maxCrawlDelay()) > 0 ? politeness.maxCrawlDelay() : crawlDelay;
        return capped.compareTo(politeness.minDelayPerHost()) > 0 ? capped : politeness.minDelayPerHost();
    }

    private CompletionStage<Void> waitUntil(Instant slot) {
        long wait = Duration.between(clock.instant(), slot).toMillis();
        if (wait <= 0) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS));
    }

    /** The host's rules: parsed here before, kept by another instance, or fetched now. */
    private CompletionStage<BaseRobotRules> rulesFor(String authority, URI origin) {
        Instant now = clock.instant();
        Parsed known = rules.get(authority);
        if (known != null && known.file().isFreshAt(now)) {
            return CompletableFuture.completedFuture(known.rules());
        }
        return hosts.robots(authority).thenCompose(kept -> {
            if (kept.isPresent() && kept.get().isFreshAt(now)) {
                return CompletableFuture.completedFuture(remember(authority, kept.get()));
            }
            return fetchRobots(origin).thenCompose(file -> hosts.rememberRobots(authority, file).thenApply(stored -> remember(authority, file)));
        });
    }

    private CompletionStage<RobotsFile> fetchRobots(URI origin) {
        return fetcher.robots(origin).handle((answer, failure) -> {
            Instant fetched = clock.instant();
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                if (cause instanceof NettyWebPageFetcher.RobotsUnreachable) {
                    return new RobotsFile(Optional.empty(), "", fetched, fetched.plus(politeness.robotsRetryAfter()));
                }
                // A refused address fails the page with its own reason, and is not remembered.
                throw failure instanceof CompletionException completion ? completion : new CompletionException(failure);
            }
            boolean serverError = answer.status() >= 500;
            String text = answer.status() >= 200 && answer.status() < 300 ? new String(answer.body(), StandardCharsets.UTF_8) : "";
            return new RobotsFile(Optional.of(answer.status()), text, fetched, fetched.plus(serverError ? politeness.robotsRetryAfter() : ROBOTS_KEPT));
        });
    }

    private BaseRobotRules remember(String authority, RobotsFile file) {
        BaseRobotRules parsed = parse(authority, file);
        rules.put(authority, new Parsed(file, parsed));
        return parsed;
    }

    /** RFC 9309: 2xx are the rules; 4xx means no rules (everything allowed); 5xx or no answer, nothing allowed. */
    static BaseRobotRules parse(String authority, RobotsFile file) {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        // Crawl-delay is capped by the caller, not turned into "disallow everything" by the parser.
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
        int status = file.status().orElse(599);
        if (status >= 200 && status < 300) {
            return parser.parseContent(authority + "/robots.txt", file.text().getBytes(StandardCharsets.UTF_8),
                    "text/plain", List.of(NettyWebPageFetcher.ROBOTS_TOKEN.toLowerCase(Locale.ROOT)));
        }
        return parser.failedFetch(status);
    }

    /** scheme://host:port of an address, the port always written. */
    static URI origin(URI address) {
        int port = address.getPort() != -1 ? address.getPort() : "https".equalsIgnoreCase(address.getScheme()) ? 443 : 80;
        return URI.create(address.getScheme().toLowerCase(Locale.ROOT) + "://" + address.getHost().toLowerCase(Locale.ROOT)
                + ":" + port);
    }

    private record Parsed(RobotsFile file, BaseRobotRules rules) {
    }
}
