package org.teamfinder.skills.api.http;

import java.time.Duration;

import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.teamfinder.skills.api.ops.RepeatedWarnings;
import org.teamfinder.skills.domain.shared.SkillCatalogException;
import org.teamfinder.skills.domain.shared.SkillStoreMisconfigured;
import org.teamfinder.skills.domain.shared.SkillStoreUnavailable;

/**
 * Logs the requests the database failed: answered 503 because it cannot be reached, or 500 because it is
 * set up wrongly (then with the remedy, at ERROR). While that lasts every request fails the same way, so
 * the first of each 10 s is logged (with its request id) and the rest are counted into one summary line;
 * the HTTP metrics still count each answer.
 */
@Singleton
final class StoreOutages {

    private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

    private final RepeatedWarnings outages = new RepeatedWarnings(LOG, "requests answered 503", Duration.ofSeconds(10));
    private final RepeatedWarnings misconfigurations = new RepeatedWarnings(LOG, Level.ERROR, "requests answered 500 for the same reason",
            Duration.ofSeconds(10));

    /** Logs {@code failure} if the database caused it; other failures are the request's own and say enough in their answer. */
    void noticed(HttpRequest<?> request, SkillCatalogException failure) {
        if (failure instanceof SkillStoreUnavailable) {
            outages.warn("{} {} answered 503: {}", request.getMethodName(), request.getPath(), failure.getMessage());
        } else if (failure instanceof SkillStoreMisconfigured misconfigured) {
            misconfigurations.warn("{} {} answered 500: {}. To fix it, {}.", request.getMethodName(), request.getPath(),
                    failure.getMessage(), misconfigured.remedy());
        }
    }
}
