package org.teamfinder.skills.webpages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.Validators;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.testing.InMemoryCrawlHosts;
import org.teamfinder.skills.webpages.testing.FixtureSite;

/**
 * Fetching as a good citizen, against a fixture site of each test's own: robots.txt for every status RFC 9309
 * names (2xx rules, 4xx allow all, 5xx and no answer disallow all for a while, redirects followed), fetched
 * once and kept, the delay between pages of a host (the minimum, or Crawl-delay up to its cap), our own
 * User-Agent with its contact URL, and conditional requests with the validators of the last fetch.
 */
class PoliteWebPageFetcherTest {

    private static final ExecutorService LOOKUPS = Executors.newFixedThreadPool(2);
    private final FixtureSite site = new FixtureSite();
    private final NettyWebPageFetcher netty = new NettyWebPageFetcher(AddressGuard.allowing(List.of("127.0.0.0/8")),
            new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(2), 5, 2 * 1024 * 1024), 4, LOOKUPS,
            Optional.of("https://teamfinder.example/crawler"));
    private final InMemoryCrawlHosts hosts = new InMemoryCrawlHosts(Clock.systemUTC());

    @AfterEach
    void close() {
        netty.close();
        site.close();
    }

    @AfterAll
    static void stopLookups() {
        LOOKUPS.shutdownNow();
    }

    @Test
    void pagesTheRulesDisallowAreNotFetchedAndTheRulesAreFetchedOnce() {
        site.robots(200, "User-agent: *\nDisallow: /pages/job\n\nUser-agent: TeamFinderSkillsBot\nDisallow: /pages/no-\nAllow: /pages/no-skills-allowed\n");
        PoliteWebPageFetcher fetcher = polite(Duration.ZERO, Duration.ofSeconds(5));

        assertThat(failure(fetcher, "/pages/no-skills.html")).contains("robots.txt does not allow TeamFinderSkillsBot");
        assertThat(fetch(fetcher, "/pages/job-posting-jsonld.html").status()).as("our group applies, not *").isEqualTo(200);
        assertThat(site.hits("/pages/no-skills.html")).isZero();
        assertThat(site.hits("/robots.txt")).isEqualTo(1);
        assertThat(site.lastUserAgent()).isEqualTo("TeamFinderSkillsBot/1.0 (+https://teamfinder.example/crawler)");
    }

    @Test
    void aMissingRobotsTxtAllowsEverything() {
        site.robots(404, "");

        assertThat(fetch(polite(Duration.ZERO, Duration.ofSeconds(5)), "/pages/no-skills.html").status()).isEqualTo(200);
    }

    @Test
    void aServerErrorDisallowsEverythingForAWhileThenRobotsTxtIsFetchedAgain() throws Exception {
        site.robots(503, "");
        PoliteWebPageFetcher fetcher = polite(Duration.ZERO, Duration.ofMillis(300));

        assertThat(failure(fetcher, "/pages/no-skills.html")).contains("robots.txt could not be read");
        assertThat(failure(fetcher, "/pages/no-skills.html")).as("still within the while").contains("robots.txt could not be read");
        assertThat(site.hits("/robots.txt")).isEqualTo(1);
        site.robots(200, "User-agent: *\nAllow: /\n");
        Thread.sleep(400);

        assertThat(fetch(fetcher, "/pages/no-skills.html").status()).isEqualTo(200);
        assertThat(site.hits("/robots.txt")).isEqualTo(2);
        assertThat(site.hits("/pages/no-skills.html")).isEqualTo(1);
    }

    @Test
    void aHostThatCannotBeReachedIsTreatedAsDisallowingEverything() {
        PoliteWebPageFetcher fetcher = polite(Duration.ZERO, Duration.ofSeconds(5));

        assertThat(failure(fetcher, "http://127.0.0.1:" + FixtureSite.closedPort() + "/page")).contains("robots.txt could not be read");
    }

    @Test
    void robotsTxtRedirectsAreFollowed() {
        site.robots(301, "/moved-robots");
        PoliteWebPageFetcher fetcher = polite(Duration.ZERO, Duration.ofSeconds(5));

        // The site answers 404 at the new place: after the redirect, as if there were no robots.txt.
        assertThat(fetch(fetcher, "/pages/no-skills.html").status()).isEqualTo(200);
        assertThat(site.hits("/moved-robots")).isEqualTo(1);
    }

    @Test
    void pagesOfAHostAreSpacedByTheMinimumDelayOrTheCrawlDelayUpToItsCap() {
        site.robots(200, "User-agent: *\nCrawl-delay: 10\n");
        PoliteWebPageFetcher fetcher = new PoliteWebPageFetcher(netty, hosts,
                new PoliteWebPageFetcher.Politeness(Duration.ofMillis(100), Duration.ofMillis(300), Duration.ofSeconds(5)), Clock.systemUTC());

        for (int i = 0; i < 4; i++) {
            fetch(fetcher, "/pages/no-skills.html?n=" + i);
        }

        List<FixtureSite.Arrival> pages = site.arrivals().stream().filter(arrival -> arrival.pathAndQuery().startsWith("/pages/")).toList();
        assertThat(pages).hasSize(4);
        // Slots are 300 ms apart when the requests leave; the site sees them arrive with the jitter of each
        // connection (the first one is set up cold), so one gap may look a few tens of milliseconds short.
        // Still well above the 100 ms minimum, and the whole run cannot be shorter than its three slots.
        for (int i = 1; i < pages.size(); i++) {
            assertThat(Duration.ofNanos(pages.get(i).nanos() - pages.get(i - 1).nanos())).as("gap before page %d", i)
                    .isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(Duration.ofNanos(pages.get(3).nanos() - pages.get(0).nanos())).as("three gaps")
                .isGreaterThanOrEqualTo(Duration.ofMillis(800));
    }

    @Test
    void aPageFetchedBeforeIsAskedForOnlyIfItChanged() {
        PoliteWebPageFetcher fetcher = polite(Duration.ZERO, Duration.ofSeconds(5));

        WebPage first = fetch(fetcher, "/versioned/no-skills.html", Validators.NONE);
        WebPage again = fetch(fetcher, "/versioned/no-skills.html", first.validators());
        site.newVersion();
        WebPage changed = fetch(fetcher, "/versioned/no-skills.html", first.validators());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.validators().etag()).contains("\"v1\"");
        assertThat(first.validators().lastModified()).isPresent();
        assertThat(again.isNotModified()).isTrue();
        assertThat(again.body()).isEmpty();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.validators().etag()).contains("\"v2\"");
        assertThat(new String(changed.body(), StandardCharsets.UTF_8)).contains("<html");
    }

    private PoliteWebPageFetcher polite(Duration minDelay, Duration robotsRetryAfter) {
        return new PoliteWebPageFetcher(netty, hosts, new PoliteWebPageFetcher.Politeness(minDelay, Duration.ofSeconds(30), robotsRetryAfter),
                Clock.systemUTC());
    }

    private WebPage fetch(PoliteWebPageFetcher fetcher, String path) {
        return fetch(fetcher, path, Validators.NONE);
    }

    private WebPage fetch(PoliteWebPageFetcher fetcher, String path, Validators previous) {
        try {
            return fetcher.fetch(PageAddress.parse(path.startsWith("http") ? path : site.url(path)), previous).toCompletableFuture().join();
        } catch (PageAddress.InvalidPageAddress e) {
            throw new AssertionError(e);
        }
    }

    private String failure(PoliteWebPageFetcher fetcher, String path) {
        Throwable failure = catchThrowable(() -> fetch(fetcher, path));
        assertThat(failure).isInstanceOf(CompletionException.class).cause().isInstanceOf(PageFetchFailed.class);
        return failure.getCause().getMessage();
    }
}
