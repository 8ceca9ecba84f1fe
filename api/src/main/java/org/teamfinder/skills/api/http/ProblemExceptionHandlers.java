package org.teamfinder.skills.api.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.shared.SkillCatalogException;

/**
 * Hands failures that escape a controller's own mapping (see SkillController#answer) to {@link Problems},
 * so even those become the right problem+json rather than a 500.
 */
final class ProblemExceptionHandlers {

    private ProblemExceptionHandlers() {
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = ExceptionHandler.class)
    static final class CatalogFailureHandler implements ExceptionHandler<SkillCatalogException, HttpResponse<Problem>> {

        private final StoreOutages outages;

        CatalogFailureHandler(StoreOutages outages) {
            this.outages = outages;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SkillCatalogException failure) {
            outages.noticed(request, failure);
            return Problems.of(failure, request);
        }
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = ExceptionHandler.class)
    static final class InvalidRequestHandler implements ExceptionHandler<InvalidRequest, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, InvalidRequest invalid) {
            return Problems.of(invalid, request);
        }
    }
}
