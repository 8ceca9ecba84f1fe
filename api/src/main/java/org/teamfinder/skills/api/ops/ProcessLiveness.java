package org.teamfinder.skills.api.ops;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Alive means the process answers HTTP at all. It deliberately ignores the database: restarting the
 * service cannot bring PostgreSQL back, so an outage shows in readiness, not here.
 */
@Singleton
@Liveness
final class ProcessLiveness implements HealthIndicator {

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("process", HealthStatus.UP).build());
    }
}
