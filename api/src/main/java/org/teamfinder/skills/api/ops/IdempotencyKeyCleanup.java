package org.teamfinder.skills.api.ops;

import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.domain.skill.port.in.ForgetExpiredIdempotencyKeys;

/** Deletes idempotency keys past their retention time, once an hour, so the table stays small. Off in the migrate command. */
@Singleton
@Requires(property = "skills.idempotency.cleanup.enabled", notEquals = "false")
final class IdempotencyKeyCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final ForgetExpiredIdempotencyKeys keys;

    IdempotencyKeyCleanup(ForgetExpiredIdempotencyKeys keys) {
        this.keys = keys;
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "1h")
    void forgetExpiredKeys() {
        keys.forgetExpired().whenComplete((forgotten, failure) -> {
            if (failure != null) {
                LOG.warn("Could not delete expired idempotency keys; will try again in an hour: {}", failure.getMessage());
            } else if (forgotten > 0) {
                LOG.info("Deleted {} expired idempotency key(s)", forgotten);
            }
        });
    }
}
