package org.teamfinder.skills.api.http;

import java.time.Duration;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.ops.RepeatedWarnings;
import org.teamfinder.skills.domain.shared.SkillStoreUnavailable;

/**
 * Logs the requests answered 503 because the database cannot be reached. During an outage every request
 * fails the same way, so the first of each 10 s is logged (with its request id) and the rest are counted
 * into one summary line; the HTTP metrics still count each 503.
 */
@Singleton
final class StoreOutages {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final RepeatedWarnings warnings = new RepeatedWarnings(LOG, "requests answered 503", Duration.ofSeconds(10));

    void answered503(HttpRequest<?> request, SkillStoreUnavailable failure) {
        warnings.warn("{} {} answered 503: {}", request.getMethodName(), request.getPath(), failure.getMessage());
    }
}
