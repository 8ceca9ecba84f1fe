package org.teamfinder.skills.api.ops;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.core.order.Ordered;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import io.micronaut.runtime.graceful.GracefulShutdownConfiguration;
import io.micronaut.runtime.graceful.GracefulShutdownManager;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells operators what a graceful shutdown (Micronaut's) is doing: when it starts, how many tasks (requests
 * in flight, import pages) it waits for, and whether they all finished within the grace period. The work
 * itself is Micronaut's: readiness DOWN and the listening socket closed, requests in flight answered with
 * {@code Connection: close}, then the beans destroyed, the database pool last.
 */
@Singleton
@Requires(bean = GracefulShutdownConfiguration.class)
final class ShutdownLog implements GracefulShutdownCapable, ApplicationEventListener<ShutdownEvent>, Ordered {

    private static final Logger LOG = LoggerFactory.getLogger(ShutdownLog.class);

    private final Duration gracePeriod;
    private final BeanProvider<GracefulShutdownManager> manager;
    private volatile long started;

    ShutdownLog(GracefulShutdownConfiguration configuration, BeanProvider<GracefulShutdownManager> manager) {
        this.gracePeriod = configuration.getGracePeriod();
        this.manager = manager;
    }

    @Override
    public CompletionStage<?> shutdownGracefully() {
        started = System.nanoTime();
        LOG.info("Shutting down: readiness DOWN, no new connections; waiting up to {} s for {} task(s) in flight",
                gracePeriod.toSeconds(), activeTasks().orElse(0));
        return CompletableFuture.completedFuture(null);
    }

    /** Runs after Micronaut's graceful phase, which is the first listener of the shutdown event. */
    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        if (started == 0) {
            return;
        }
        long left = activeTasks().orElse(0);
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        if (left == 0) {
            LOG.info("Shutting down: every request in flight finished ({} ms)", waitedMillis);
        } else {
            LOG.warn("Shutting down: {} task(s) still in flight after the grace period of {} s", left, gracePeriod.toSeconds());
        }
    }

    @Override
    public OptionalLong reportActiveTasks() {
        return OptionalLong.empty();
    }

    @Override
    public int getOrder() {
        return LOWEST_PRECEDENCE;
    }

    private OptionalLong activeTasks() {
        return manager.find(null).map(GracefulShutdownManager::reportActiveTasks).orElse(OptionalLong.empty());
    }
}
