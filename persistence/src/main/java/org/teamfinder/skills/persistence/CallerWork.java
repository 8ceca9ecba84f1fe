package org.teamfinder.skills.persistence;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.micronaut.transaction.TransactionExecution;
import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;
import org.teamfinder.skills.domain.shared.CallerScope;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Database work done for a caller who may leave (see {@link CallerScope}), stopped when they do.
 *
 * <p>Until the work holds a connection, stopping it cancels the wait for one. Once it does, the work is not
 * cancelled from outside (a cancelled Micronaut transaction commits, and a cancelled statement keeps running
 * on the server while its connection goes back to the pool); instead a transaction is marked rollback-only
 * at once, and PostgreSQL is asked to cancel the statement running on the connection (a CancelRequest, over
 * a connection of its own) if the work has held it for {@link #CANCEL_AFTER} (at once, or when that time is
 * up and it still runs), so the work fails and ends by itself. Before a connection that was sent a cancel goes back
 * to the pool, the cancel is waited for and spent on a probe statement, so that it can never reach the next
 * request's statement; a connection that fails the probe twice is closed, and the pool replaces it.
 */
final class CallerWork {

    private static final String PROBE = "SELECT 1";
    /**
     * How long work may have held its connection before a cancel is sent at once. A cancel costs PostgreSQL
     * a new connection (a process, before version 17), far more than the short statements most requests run:
     * work younger than this is left to end by itself, and cancelled only if it is still running then.
     */
    static final Duration CANCEL_AFTER = Duration.ofMillis(100);

    private CallerWork() {
    }

    /**
     * The outcome of {@code work} as a future, the work stopped if its caller leaves first. Driver errors the
     * work did not turn into the domain's failures itself are turned here ({@link StoreFailures#translate}).
     */
    static <T> CompletableFuture<T> future(Mono<T> work) {
        Stop stop = new Stop();
        CompletableFuture<T> future = new CompletableFuture<>();
        stop.subscription = work.onErrorMap(StoreFailures::translate).contextWrite(context -> context.put(Stop.class, stop))
                .subscribe(future::complete, future::completeExceptionally, () -> future.complete(null));
        CallerScope.onAbandon(() -> {
            stop.abandon();
            future.completeExceptionally(new CancellationException("the caller has gone"));
        });
        return future;
    }

    /** {@link R2dbcOperations#withConnection}, stoppable as the class says. */
    static <T> Flux<T> onConnection(R2dbcOperations operations, Function<Connection, Publisher<? extends T>> work) {
        return Flux.from(operations.withConnection(connection -> holding(connection, null, work)));
    }

    /** {@link R2dbcOperations#withTransaction}, stoppable as the class says. */
    static <T> Flux<T> inTransaction(R2dbcOperations operations, Function<Connection, Publisher<? extends T>> work) {
        return Flux.from(operations.withTransaction(status -> holding(status.getConnection(), status, work)));
    }

    private static <T> Flux<T> holding(Connection connection, TransactionExecution transaction,
                                       Function<Connection, Publisher<? extends T>> work) {
        return Flux.deferContextual(context -> {
            Stop stop = context.getOrDefault(Stop.class, null);
            if (stop == null) {
                return Flux.from(work.apply(connection));
            }
            stop.holding(connection, transaction);
            return Flux.<T>from(work.apply(connection))
                    .concatWith(Mono.defer(() -> stop.release(connection)).then(Mono.empty()))
                    .onErrorResume(error -> stop.release(connection).then(Mono.error(error)));
        });
    }

    /** How to stop one piece of work: cancel its wait for a connection, or the statement on the connection it holds. */
    private static final class Stop {

        private volatile Disposable subscription;
        private Connection held;
        private long heldSince;
        private TransactionExecution transaction;
        private Mono<Void> cancelSent;
        private boolean abandoned;
        private boolean released;

        void holding(Connection connection, TransactionExecution transaction) {
            synchronized (this) {
                this.held = connection;
                this.transaction = transaction;
                this.heldSince = System.nanoTime();
                if (!abandoned) {
                    return;
                }
            }
            stopStatement();
        }

        void abandon() {
            boolean holds;
            long heldFor;
            synchronized (this) {
                abandoned = true;
                holds = held != null;
                heldFor = System.nanoTime() - heldSince;
                if (holds && transaction != null) {
                    // Whatever happens next, this transaction will not commit.
                    transaction.setRollbackOnly();
                }
            }
            if (!holds) {
                if (subscription != null) {
                    subscription.dispose();
                }
            } else if (heldFor >= CANCEL_AFTER.toNanos()) {
                stopStatement();
            } else {
                Mono.delay(Duration.ofNanos(CANCEL_AFTER.toNanos() - heldFor)).subscribe(tick -> stopStatement());
            }
        }

        /** Makes the held connection fit for the next request before the pool gets it back. */
        Mono<Void> release(Connection connection) {
            Mono<Void> cancel;
            synchronized (this) {
                if (released) {
                    return Mono.empty();
                }
                released = true;
                held = null;
                transaction = null;
                cancel = cancelSent;
            }
            if (cancel == null) {
                return Mono.empty();
            }
            return cancel
                    .then(probe(connection))
                    .onErrorResume(spentHere -> probe(connection))
                    .onErrorResume(broken -> closeUnderlying(connection));
        }

        private void stopStatement() {
            Connection connection;
            TransactionExecution inTransaction;
            synchronized (this) {
                if (cancelSent != null || held == null || released) {
                    return;
                }
                connection = held;
                inTransaction = transaction;
                PostgresqlConnection postgres = postgres(connection);
                cancelSent = postgres == null
                        ? Mono.empty()
                        : postgres.cancelRequest().onErrorResume(unsent -> Mono.empty()).cache();
            }
            if (inTransaction != null) {
                inTransaction.setRollbackOnly();
            }
            cancelSent.subscribe(null, unsent -> { });
        }

        private static Mono<Void> probe(Connection connection) {
            return Flux.from(connection.createStatement(PROBE).execute())
                    .concatMap(result -> result.getRowsUpdated())
                    .then();
        }

        private static Mono<Void> closeUnderlying(Connection connection) {
            PostgresqlConnection postgres = postgres(connection);
            return postgres == null ? Mono.empty() : Mono.from(postgres.close()).onErrorResume(ignored -> Mono.empty());
        }

        private static PostgresqlConnection postgres(Connection connection) {
            Object target = connection;
            while (!(target instanceof PostgresqlConnection) && target instanceof Wrapped<?> wrapped) {
                Object inner = wrapped.unwrap();
                if (inner == null || inner == target) {
                    return null;
                }
                target = inner;
            }
            return target instanceof PostgresqlConnection postgres ? postgres : null;
        }
    }
}
