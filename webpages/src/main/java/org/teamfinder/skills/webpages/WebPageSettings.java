package org.teamfinder.skills.webpages;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * How pages are fetched ({@code skills.imports.*}): the non-public hosts that may be fetched anyway, the
 * limits of one fetch, how many connections one host gets, how polite to be (the least delay between pages
 * of a host, the most of a Crawl-delay honoured, how soon a failed robots.txt is tried again) and the URL
 * the User-Agent names for site owners. The application sets every value (see its ImportSettings), so none
 * has a default here.
 */
@ConfigurationProperties("skills.imports")
public record WebPageSettings(List<String> allowedHosts, Duration connectTimeout, Duration pageTimeout, int maxRedirects,
                              int maxPageBytes, int maxPagesPerHost, Duration minDelayPerHost, Duration maxCrawlDelay,
                              Duration robotsRetryAfter, @Nullable String contact) {

    public WebPageSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }

    PoliteWebPageFetcher.Politeness politeness() {
        return new PoliteWebPageFetcher.Politeness(minDelayPerHost, maxCrawlDelay, robotsRetryAfter);
    }

    FetchLimits limits() {
        return new FetchLimits(connectTimeout, pageTimeout, maxRedirects, maxPageBytes);
    }
}
