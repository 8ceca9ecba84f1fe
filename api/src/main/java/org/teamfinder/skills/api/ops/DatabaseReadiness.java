package org.teamfinder.skills.api.ops;

import java.time.Duration;
import java.util.Map;

import io.micronaut.context.annotation.Value;
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
 * Ready means able to serve: PostgreSQL answers a query through the service's own pool within the
 * timeout (so an unreachable database turns readiness DOWN within seconds), and the service is not
 * shutting down.
 */
@Singleton
@Readiness
final class DatabaseReadiness implements HealthIndicator {

    private final ConnectionFactory connectionFactory;
    private final GracefulShutdown shutdown;
    private final Duration timeout;

    DatabaseReadiness(ConnectionFactory connectionFactory, GracefulShutdown shutdown,
                      @Value("${skills.readiness.timeout:2s}") Duration timeout) {
        this.connectionFactory = connectionFactory;
        this.shutdown = shutdown;
        this.timeout = timeout;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (shutdown.isDraining()) {
            return Mono.just(HealthResult.builder("database", HealthStatus.DOWN).details(Map.of("reason", "the service is shutting down")).build());
        }
        return Mono.usingWhen(connectionFactory.create(),
                        connection -> Flux.from(connection.createStatement("SELECT 1").execute())
                                .concatMap(result -> result.map((row, metadata) -> 1))
                                .then(),
                        Connection::close)
                .timeout(timeout)
                .then(Mono.fromCallable(() -> HealthResult.builder("database", HealthStatus.UP).build()))
                .onErrorResume(error -> Mono.just(HealthResult.builder("database", HealthStatus.DOWN)
                        .details(Map.of("reason", "PostgreSQL did not answer within " + timeout.toMillis() + " ms: " + describe(error)))
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
