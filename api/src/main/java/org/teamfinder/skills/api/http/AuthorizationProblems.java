package org.teamfinder.skills.api.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.security.authentication.AuthorizationException;
import io.micronaut.security.authentication.DefaultAuthorizationExceptionHandler;
import jakarta.inject.Singleton;

/**
 * Answers a write without a valid token (401) or without the skills:write scope (403) with problem+json and
 * the RFC 6750 {@code WWW-Authenticate: Bearer} challenge, instead of Micronaut Security's default.
 */
@Singleton
@Requires(classes = AuthorizationException.class)
@Replaces(DefaultAuthorizationExceptionHandler.class)
final class AuthorizationProblems implements ExceptionHandler<AuthorizationException, MutableHttpResponse<?>> {

    @Override
    public MutableHttpResponse<?> handle(HttpRequest request, AuthorizationException exception) {
        return exception.isForbidden() ? Problems.forbidden(request) : Problems.unauthorized(request);
    }
}
