package org.teamfinder.skills.persistence.database;

import java.time.Duration;
import java.util.Map;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Ready means able to serve: PostgreSQL answers a query through the service's own pool within the timeout,
 * so an unreachable database turns readiness DOWN within seconds (shutting down turns it DOWN too, through
 * Micronaut's graceful-shutdown indicator). Only where health endpoints exist.
 */
@Singleton
@Readiness
@Requires(classes = HealthIndicator.class)
final class DatabaseReadiness implements HealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionFactory connectionFactory;

    DatabaseReadiness(ConnectionFactory connectionFactory) {
        this.connectionFactory = connectionFactory;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Mono.usingWhen(connectionFactory.create(),
                        connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                                .concatMap(result -> result.map((row, metadata) -> 1))
                                .then(),
                        Connection::close)
                .timeout(TIMEOUT)
                .then(Mono.fromCallable(() -> HealthResult.builder("database", HealthStatus.UP).build()))
                .onErrorResume(error -> Mono.just(HealthResult.builder("database", HealthStatus.DOWN)
                        .details(Map.of("reason", "PostgreSQL did not answer within " + TIMEOUT.toMillis() + " ms: " + describe(error)))
                        .build()));
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
