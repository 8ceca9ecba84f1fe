package org.teamfinder.skills.api.http;

import java.util.stream.Collectors;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Renders every error the HTTP layer produces on its own (unknown route 404, wrong method 405, wrong media
 * type 415, body too large 413, unreadable JSON 400, unexpected 500) as problem+json. Server errors never
 * reveal their cause to the client. Micronaut's default processor steps aside when this bean exists.
 */
@Singleton
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return (MutableHttpResponse<Problem>) response;
        }
        HttpStatus status = HttpStatus.valueOf(response.code());
        String detail;
        if (status.getCode() >= 500) {
            detail = "The service failed unexpectedly; the error is logged.";
        } else if (status == HttpStatus.NOT_FOUND) {
            detail = "Nothing is served at " + context.getRequest().getPath() + ".";
        } else if (context.hasErrors()) {
            detail = context.getErrors().stream().map(Error::getMessage).collect(Collectors.joining("; "));
        } else {
            detail = status.getReason();
        }
        return ((MutableHttpResponse<Problem>) response)
                .contentType(Problem.MEDIA_TYPE)
                .body(Problems.generic(status, detail, context.getRequest()));
    }
}
