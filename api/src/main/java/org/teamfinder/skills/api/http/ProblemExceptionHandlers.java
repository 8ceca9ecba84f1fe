package org.teamfinder.skills.api.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teamfinder.skills.domain.model.SkillCatalogException;
import org.teamfinder.skills.domain.model.SkillStoreUnavailable;

/** Hands failures raised by controllers and use cases to {@link Problems}. */
final class ProblemExceptionHandlers {

    private ProblemExceptionHandlers() {
    }

    @Singleton
    @Produces(Problem.MEDIA_TYPE)
    @Requires(classes = ExceptionHandler.class)
    static final class CatalogFailureHandler implements ExceptionHandler<SkillCatalogException, HttpResponse<Problem>> {
        private static final Logger LOG = LoggerFactory.getLogger(CatalogFailureHandler.class);

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, SkillCatalogException failure) {
            if (failure instanceof SkillStoreUnavailable) {
                LOG.warn("{} {} answered 503: {}", request.getMethodName(), request.getPath(), failure.getMessage());
            }
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
