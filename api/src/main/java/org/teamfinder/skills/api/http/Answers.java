package org.teamfinder.skills.api.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import io.micronaut.core.propagation.PropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.shared.CallerScope;
import org.teamfinder.skills.domain.shared.SkillCatalogException;

/**
 * How controllers answer: a use case's outcome, its expected failures as problem+json, on the request's
 * event loop; and nothing more once the client has gone.
 */
@Singleton
final class Answers {

    /** nginx's status for a request whose client closed the connection before the answer: never sent, only logged and counted. */
    static final int CLIENT_CLOSED_REQUEST = 499;

    private final StoreOutages outages;

    Answers(StoreOutages outages) {
        this.outages = outages;
    }

    /**
     * Runs a use case and turns its expected failures (and a request that cannot even be read) into
     * problem+json here, in one place, as a response rather than an exception. Anything unexpected still
     * propagates.
     *
     * <p>The use case runs inside a {@link CallerScope}: when the client closes its connection before the
     * answer, the scope is abandoned, so the database work started for it stops (a query is cancelled, a
     * transaction rolled back) and its connection goes back to the pool, and the request ends at once as
     * {@value #CLIENT_CLOSED_REQUEST} in the access log and the metrics. A client already gone when the
     * request comes up gets no work done at all.
     *
     * <p>The use case completes on a database driver thread; the rest of the request (mapping, writing,
     * logging) continues on the request's own event loop inside its propagated context, so every log
     * line of the request, Micronaut's own included, carries its request id.
     */
    CompletionStage<HttpResponse<?>> answer(HttpRequest<?> request, Supplier<? extends CompletionStage<? extends HttpResponse<?>>> useCase) {
        Channel channel = request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().channel() : null;
        if (channel != null && !channel.isActive()) {
            return CompletableFuture.completedFuture(clientClosed());
        }
        CompletionStage<? extends HttpResponse<?>> stage;
        CallerScope scope = CallerScope.open();
        try {
            stage = useCase.get();
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(problem(failure, request));
        } finally {
            scope.close();
        }
        CompletableFuture<HttpResponse<?>> answer = new CompletableFuture<>();
        ChannelFutureListener gone = closed -> {
            scope.abandon();
            answer.complete(clientClosed());
        };
        if (channel != null) {
            channel.closeFuture().addListener(gone);
        }
        stage.whenCompleteAsync((response, failure) -> {
            if (channel != null) {
                channel.closeFuture().removeListener(gone);
            }
            if (!answer.isDone()) {
                try {
                    answer.complete(failure == null ? response : problem(failure, request));
                } catch (RuntimeException unexpected) {
                    answer.completeExceptionally(unexpected);
                }
            }
        }, onRequestThread(request));
        return answer;
    }

    private static HttpResponse<?> clientClosed() {
        return HttpResponse.status(CLIENT_CLOSED_REQUEST, "Client Closed Request");
    }

    private HttpResponse<?> problem(Throwable failure, HttpRequest<?> request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SkillCatalogException catalogFailure) {
            outages.noticed(request, catalogFailure);
        }
        return Problems.forFailure(failure, request);
    }

    private static Executor onRequestThread(HttpRequest<?> request) {
        PropagatedContext context = PropagatedContext.getOrEmpty();
        Executor eventLoop = request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : Runnable::run;
        return task -> eventLoop.execute(context.wrap(task));
    }
}
