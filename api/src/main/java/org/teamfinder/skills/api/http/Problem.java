package org.teamfinder.skills.api.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} lists each invalid
 * field or parameter when the problem is invalid input; {@code requestId} is the request's X-Request-Id,
 * to find its log lines.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Nullable String instance,
                      @Nullable String requestId, @Nullable List<InvalidField> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a body, or one invalid query or path parameter or header. */
    @Serdeable
    public record InvalidField(String field, String message) {
    }
}
