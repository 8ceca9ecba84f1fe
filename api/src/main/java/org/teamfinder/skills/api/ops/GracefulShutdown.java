package org.teamfinder.skills.api.ops;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.netty.NettyEmbeddedServer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.spi.ConnectionFactory;
import jakarta.inject.Provider;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.api.imports.ImportRunner;
import reactor.core.publisher.Flux;

/**
 * Shuts the service down without cutting off a request it accepted. On SIGTERM (see
 * {@code Application}): readiness turns DOWN, the listening sockets close so no new connection is
 * accepted, pages being imported finish or are handed back, requests already in flight finish (up to the grace period, SHUTDOWN_GRACE_PERIOD_SECONDS),
 * their responses ask keep-alive clients to close, then the database pool closes and the server stops.
 *
 * <p>Micronaut 4.7 has no graceful shutdown of its own, so this counts requests in a filter and finds
 * the listening channels through Netty's customizer hook.
 */
@Filter(Filter.MATCH_ALL_PATTERN)
public final class GracefulShutdown implements HttpServerFilter, NettyServerCustomizer, BeanCreatedEventListener<NettyEmbeddedServer> {

    private static final Logger LOG = LoggerFactory.getLogger(GracefulShutdown.class);
    private static final Duration IMPORT_GRACE = Duration.ofSeconds(5);

    private final Set<Channel> listeners = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private final Duration gracePeriod;
    private final Provider<ConnectionFactory> connectionFactory;
    private final BeanProvider<ImportRunner> importRunner;
    private volatile boolean draining;

    GracefulShutdown(@Value("${skills.shutdown.grace-period:20s}") Duration gracePeriod, Provider<ConnectionFactory> connectionFactory,
                     BeanProvider<ImportRunner> importRunner) {
        this.gracePeriod = gracePeriod;
        this.connectionFactory = connectionFactory;
        this.importRunner = importRunner;
    }

    @Override
    public NettyEmbeddedServer onCreated(BeanCreatedEvent<NettyEmbeddedServer> event) {
        event.getBean().register(this);
        return event.getBean();
    }

    @Override
    public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
        if (role == ChannelRole.LISTENER) {
            listeners.add(channel);
        }
        return this;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        inFlight.incrementAndGet();
        return Flux.from(chain.proceed(request))
                .map(response -> draining ? response.header(HttpHeaders.CONNECTION, "close") : response)
                // Also on cancellation (the client went away), so a lost client cannot hold up shutdown.
                .doFinally(signal -> {
                    if (inFlight.decrementAndGet() == 0 && draining) {
                        drained.complete(null);
                    }
                });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    public boolean isDraining() {
        return draining;
    }

    /**
     * Stops accepting, waits for the requests in flight, closes the pool. Blocks the calling thread (a
     * shutdown hook, never an event loop) for at most the grace period.
     */
    public void drain() {
        draining = true;
        long started = System.nanoTime();
        LOG.info("Shutting down: no new connections; waiting up to {} s for {} request(s) in flight", gracePeriod.toSeconds(), inFlight.get());
        listeners.forEach(channel -> channel.close().awaitUninterruptibly());
        // Pages being imported get a few seconds too; the rest are handed back for another instance to take.
        importRunner.ifPresent(runner -> runner.stop(IMPORT_GRACE.compareTo(gracePeriod) < 0 ? IMPORT_GRACE : gracePeriod));
        if (inFlight.get() == 0) {
            drained.complete(null);
        }
        try {
            drained.get(gracePeriod.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // reported below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        int left = inFlight.get();
        long waitedMillis = (System.nanoTime() - started) / 1_000_000;
        if (left == 0) {
            LOG.info("Shutting down: every request in flight finished ({} ms)", waitedMillis);
        } else {
            LOG.warn("Shutting down: {} request(s) still in flight after the grace period of {} s", left, gracePeriod.toSeconds());
        }
        if (connectionFactory.get() instanceof ConnectionPool pool && !pool.isDisposed()) {
            pool.disposeLater().block(Duration.ofSeconds(5));
            LOG.info("Shutting down: database pool closed");
        }
    }
}
