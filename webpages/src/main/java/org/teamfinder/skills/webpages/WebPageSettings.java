package org.teamfinder.skills.webpages;

import java.time.Duration;
import java.util.List;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How pages are fetched ({@code skills.imports.*}): the non-public hosts that may be fetched anyway, the
 * limits of one fetch, and how many connections one host gets. The application sets every value (see its
 * ImportSettings), so none has a default here.
 */
@ConfigurationProperties("skills.imports")
public record WebPageSettings(List<String> allowedHosts, Duration connectTimeout, Duration pageTimeout, int maxRedirects,
                              int maxPageBytes, int maxPagesPerHost) {

    public WebPageSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }

    FetchLimits limits() {
        return new FetchLimits(connectTimeout, pageTimeout, maxRedirects, maxPageBytes);
    }
}
