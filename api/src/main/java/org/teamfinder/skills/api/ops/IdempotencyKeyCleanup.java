package org.teamfinder.skills.api.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.domain.port.in.SkillCatalog;

/**
 * Deletes idempotency keys past their retention time, once an hour, so the table stays small. Off in
 * contexts that only migrate and exit.
 */
@Singleton
@Requires(property = "skills.idempotency.cleanup.enabled", notEquals = "false")
final class IdempotencyKeyCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final SkillCatalog catalog;

    IdempotencyKeyCleanup(SkillCatalog catalog) {
        this.catalog = catalog;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "1h")
    void forgetExpiredKeys() {
        catalog.forgetExpiredIdempotencyKeys().whenComplete((forgotten, failure) -> {
            if (failure != null) {
                LOG.warn("Could not delete expired idempotency keys; will try again in an hour: {}", failure.getMessage());
            } else if (forgotten > 0) {
                LOG.info("Deleted {} expired idempotency key(s)", forgotten);
            }
        });
    }
}
