package org.teamfinder.skills.api.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How web-page imports run, from environment variables: which private hosts may be fetched anyway, the
 * limits of one fetch, how many pages are in flight at once (in all and per host), how long a claim on a
 * page lasts, how often an idle runner looks for work, whether this instance runs imports at all, and how
 * polite to be (delay per host, Crawl-delay cap, robots.txt retry, the contact URL in the User-Agent). The
 * allow-list's entries are checked by the web adapter, which knows what an address is (see StartupFailure).
 */
public record ImportSettings(List<String> allowedHosts, int connectTimeoutMillis, int pageTimeoutMillis, int maxRedirects,
                             int maxPageBytes, int maxPagesInFlight, int maxPagesPerHost, int leaseSeconds, int pollIntervalMillis,
                             boolean runnerEnabled, int minDelayPerHostMillis, int maxCrawlDelaySeconds, int robotsRetryMinutes,
                             Optional<String> contact) {

    public ImportSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }

    static ImportSettings from(Variables read) {
        List<String> allowedHosts = read.text("IMPORT_ALLOWED_HOSTS")
                .map(text -> Arrays.stream(text.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList())
                .orElse(List.of());
        int pageTimeoutMillis = read.integer("IMPORT_PAGE_TIMEOUT_MS", 20_000, 100, 600_000);
        // A claim must outlast the longest fetch, or a slow page would be taken over while still being read.
        int minimumLease = (int) Math.ceil(pageTimeoutMillis * 2 / 1000.0);
        return new ImportSettings(
                allowedHosts,
                read.integer("IMPORT_CONNECT_TIMEOUT_MS", 5_000, 1, 600_000),
                pageTimeoutMillis,
                read.integer("IMPORT_MAX_REDIRECTS", 5, 0, 20),
                read.integer("IMPORT_MAX_PAGE_BYTES", 2 * 1024 * 1024, 1024, 64 * 1024 * 1024),
                read.integer("IMPORT_MAX_PAGES_IN_FLIGHT", 16, 1, 1_000),
                read.integer("IMPORT_MAX_PAGES_PER_HOST", 4, 1, 1_000),
                read.integer("IMPORT_LEASE_SECONDS", Math.max(120, minimumLease), minimumLease, 86_400),
                read.integer("IMPORT_POLL_INTERVAL_MS", 1_000, 10, 600_000),
                read.bool("IMPORT_RUNNER_ENABLED", true),
                read.integer("IMPORT_MIN_DELAY_PER_HOST_MS", 1_000, 0, 600_000),
                read.integer("IMPORT_MAX_CRAWL_DELAY_SECONDS", 30, 0, 3_600),
                read.integer("IMPORT_ROBOTS_RETRY_MINUTES", 30, 1, 24 * 60),
                read.text("IMPORT_CONTACT_URL").map(ImportSettings::contactUrl));
    }

    /** The skills.imports.* properties these settings amount to, read by the runner and the web adapter. */
    Map<String, Object> micronautProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("skills.imports.allowed-hosts", allowedHosts);
        properties.put("skills.imports.connect-timeout", connectTimeoutMillis + "ms");
        properties.put("skills.imports.page-timeout", pageTimeoutMillis + "ms");
        properties.put("skills.imports.max-redirects", maxRedirects);
        properties.put("skills.imports.max-page-bytes", maxPageBytes);
        properties.put("skills.imports.max-pages-in-flight", maxPagesInFlight);
        properties.put("skills.imports.max-pages-per-host", maxPagesPerHost);
        properties.put("skills.imports.lease", leaseSeconds + "s");
        properties.put("skills.imports.poll-interval", pollIntervalMillis + "ms");
        properties.put("skills.imports.runner-enabled", runnerEnabled);
        properties.put("skills.imports.min-delay-per-host", minDelayPerHostMillis + "ms");
        properties.put("skills.imports.max-crawl-delay", maxCrawlDelaySeconds + "s");
        properties.put("skills.imports.robots-retry-after", robotsRetryMinutes + "m");
        contact.ifPresent(url -> properties.put("skills.imports.contact", url));
        return properties;
    }

    /** The contact URL as the User-Agent will carry it: an absolute http(s) URL without spaces. */
    private static String contactUrl(String text) {
        try {
            URI uri = new URI(text);
            if (uri.isAbsolute() && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new InvalidConfiguration("IMPORT_CONTACT_URL must be an http or https URL where site owners can learn about the importer, not '"
                + text + "'.");
    }
}
