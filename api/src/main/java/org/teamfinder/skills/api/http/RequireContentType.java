package org.teamfinder.skills.api.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * A write whose body says nothing of its type gets 415 rather than being read as JSON on trust: Micronaut
 * would hand a body without Content-Type to a JSON route, and the API otherwise guesses nothing about its input.
 */
@ServerFilter("/skills/**")
final class RequireContentType implements Ordered {

    @RequestFilter
    @Nullable
    HttpResponse<?> requireContentType(HttpRequest<?> request) {
        HttpMethod method = request.getMethod();
        boolean carriesBody = request.getContentLength() > 0 || request.getHeaders().contains(HttpHeaders.TRANSFER_ENCODING);
        if ((method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) && carriesBody
                && request.getContentType().isEmpty()) {
            return HttpResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(Problem.MEDIA_TYPE)
                    .body(Problems.generic(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                            "The request has a body but no Content-Type; send Content-Type: " + (method == HttpMethod.PATCH
                                    ? SkillController.MERGE_PATCH : "application/json") + ".", request));
        }
        return null;
    }

    @Override
    public int getOrder() {
        // After the request id is assigned, so the problem carries it.
        return ServerFilterPhase.FIRST.after();
    }
}
