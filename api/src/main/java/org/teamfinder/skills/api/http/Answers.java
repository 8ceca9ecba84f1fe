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
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.shared.SkillStoreUnavailable;

/** How controllers answer: a use case's outcome, its expected failures as problem+json, on the request's event loop. */
@Singleton
final class Answers {

    private final StoreOutages outages;

    Answers(StoreOutages outages) {
        this.outages = outages;
    }

    /**
     * Runs a use case and turns its expected failures (and a request that cannot even be read) into
     * problem+json here, as a response rather than an exception: Micronaut's HTTP metrics would count an
     * exception as a 500 whatever status its handler chose. Anything unexpected still propagates.
     *
     * <p>The use case completes on a database driver thread; the rest of the request (mapping, writing,
     * logging) continues on the request's own event loop inside its propagated context, so every log
     * line of the request, Micronaut's own included, carries its request id.
     */
    CompletionStage<HttpResponse<?>> answer(HttpRequest<?> request,
                                                   Supplier<? extends CompletionStage<? extends HttpResponse<?>>> useCase) {
        CompletionStage<? extends HttpResponse<?>> stage;
        try {
            stage = useCase.get();
        } catch (RuntimeException failure) {
            return CompletableFuture.completedFuture(problem(failure, request));
        }
        return stage.handleAsync((response, failure) -> failure == null ? response : problem(failure, request), onRequestThread(request));
    }

    private HttpResponse<?> problem(Throwable failure, HttpRequest<?> request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SkillStoreUnavailable unavailable) {
            outages.answered503(request, unavailable);
        }
        return Problems.forFailure(failure, request);
    }

    private static Executor onRequestThread(HttpRequest<?> request) {
        PropagatedContext context = PropagatedContext.getOrEmpty();
        Executor eventLoop = request instanceof NettyHttpRequest<?> netty ? netty.getChannelHandlerContext().executor() : Runnable::run;
        return task -> eventLoop.execute(context.wrap(task));
    }
}
