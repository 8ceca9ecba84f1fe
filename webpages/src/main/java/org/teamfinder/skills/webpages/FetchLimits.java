package org.teamfinder.skills.webpages;

import java.time.Duration;

/**
 * The limits of fetching one page: time to connect, time for the whole fetch (redirects and body
 * included), redirects followed, and the largest page read (a larger one is an error, never cut short).
 */
public record FetchLimits(Duration connectTimeout, Duration totalTimeout, int maxRedirects, int maxBytes) {

    public FetchLimits {
        if (connectTimeout.isNegative() || connectTimeout.isZero() || totalTimeout.isNegative() || totalTimeout.isZero()
                || maxRedirects < 0 || maxBytes < 1) {
            throw new IllegalArgumentException("fetch limits must be positive: " + connectTimeout + ", " + totalTimeout + ", "
                    + maxRedirects + ", " + maxBytes);
        }
    }
}
