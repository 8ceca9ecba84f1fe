package org.teamfinder.skills.api.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} lists each invalid
 * field or parameter when the problem is invalid input; {@code requestId} is the request's X-Request-Id,
 * to find its log lines; {@code skillId} names the skill the problem is about when it is another than the
 * one asked for (the skill that has a name already, the one a skill was merged into).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, @Nullable String instance,
                      @Nullable String requestId, @Nullable List<InvalidField> errors, @Nullable Long skillId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem about no skill in particular. */
    public Problem(String type, String title, int status, String detail, @Nullable String instance, @Nullable String requestId,
                   @Nullable List<InvalidField> errors) {
        this(type, title, status, detail, instance, requestId, errors, null);
    }

    /** One invalid field of a body, or one invalid query or path parameter or header. */
    @Serdeable
    public record InvalidField(String field, String message) {
    }
}
