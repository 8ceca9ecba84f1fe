package org.teamfinder.skills.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.teamfinder.skills.api.testing.RunningService;
import org.teamfinder.skills.api.testing.RunningService.Response;
import org.teamfinder.skills.testkit.Eventually;
import reactor.core.publisher.Flux;

/**
 * Stopping the service with a request in flight: readiness turns DOWN at once, the request still gets its
 * whole answer (asking its client to close the connection), and the database pool closes only after it.
 */
class GracefulShutdownTest {

    @RegisterExtension
    static final RunningService service = RunningService.behindProxy("initialSize=1&maxSize=4");

    @Test
    void readinessGoesDownTheRequestInFlightFinishesAndThePoolClosesLast() throws Exception {
        String location = service.post("/skills", "{\"name\": \"Draining\"}").header("Location");
        ConnectionPool pool = (ConnectionPool) service.applicationContext().getBean(ConnectionFactory.class);
        // Micronaut's own readiness check for shutting down (the database's would wait on the slowed-down proxy).
        List<HealthIndicator> readiness = service.applicationContext()
                .getBeansOfType(HealthIndicator.class, Qualifiers.byStereotype(Readiness.class)).stream()
                .filter(indicator -> indicator.getClass().getSimpleName().startsWith("GracefulShutdown")).toList();
        assertThat(readiness).hasSize(1);
        assertThat(isReady(readiness)).isTrue();
        service.proxy().latency(Duration.ofMillis(1500));
        CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() -> service.get(location));
        Thread.sleep(300);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> service.applicationContext().stop());

        Eventually.await(() -> isReady(readiness), ready -> !ready, Duration.ofSeconds(2), "readiness DOWN");
        assertThat(pool.isDisposed()).as("pool still open while a request is in flight").isFalse();
        Response answer = inFlight.get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).containsEntry("name", "Draining");
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(pool.isDisposed()).as("pool closed once the service stopped").isTrue();
    }

    private static boolean isReady(List<HealthIndicator> indicators) {
        return Flux.fromIterable(indicators).flatMap(HealthIndicator::getResult).map(HealthResult::getStatus)
                .all(status -> status.equals(HealthStatus.UP)).block(Duration.ofSeconds(3));
    }
}
