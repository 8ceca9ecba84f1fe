package org.teamfinder.skills.api.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How web-page imports run, from environment variables: which private hosts may be fetched anyway, the
 * limits of one fetch, how many pages are in flight at once (in all and per host), how long a claim on a
 * page lasts, how often an idle runner looks for work, and whether this instance runs imports at all. The
 * allow-list's entries are checked by the web adapter, which knows what an address is (see StartupFailure).
 */
public record ImportSettings(List<String> allowedHosts, int connectTimeoutMillis, int pageTimeoutMillis, int maxRedirects,
                             int maxPageBytes, int maxPagesInFlight, int maxPagesPerHost, int leaseSeconds, int pollIntervalMillis,
                             boolean runnerEnabled) {

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
                read.bool("IMPORT_RUNNER_ENABLED", true));
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
        return properties;
    }
}
