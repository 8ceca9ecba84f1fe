package org.teamfinder.skills.api.http;

import java.util.List;
import java.util.concurrent.CompletionException;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.imports.ImportJobNotFound;
import org.teamfinder.skills.domain.imports.ImportSuggestionNotFound;
import org.teamfinder.skills.domain.imports.InvalidImportRequest;
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.IdempotencyKeyReused;
import org.teamfinder.skills.domain.skill.InvalidIdempotencyKey;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.InvalidSkillQuery;
import org.teamfinder.skills.domain.skill.SkillBatchConflict;
import org.teamfinder.skills.domain.shared.SkillCatalogException;
import org.teamfinder.skills.domain.skill.SkillMerged;
import org.teamfinder.skills.domain.skill.SkillNameUnknown;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.UnknownSkills;
import org.teamfinder.skills.domain.shared.SkillStoreMisconfigured;
import org.teamfinder.skills.domain.shared.SkillStoreUnavailable;
import org.teamfinder.skills.domain.skill.StaleSkillVersion;
import org.teamfinder.skills.domain.shared.ValidationFailure;

/** The one place where failures become HTTP responses: RFC 9457 problem details with a status. */
final class Problems {

    static final String TYPE_PREFIX = "urn:teamfinder:problem:";
    static final String RETRY_AFTER_SECONDS = "5";
    static final String WRITE_SCOPE = "skills:write";

    private Problems() {
    }


    /**
     * The response for a failure a controller met: a failure of the catalogue's use cases or a request it
     * could not read. Anything else is unexpected and is rethrown, to become a logged 500.
     */
    static MutableHttpResponse<?> forFailure(Throwable failure, HttpRequest<?> request) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof SkillCatalogException catalogFailure) {
            return of(catalogFailure, request);
        }
        if (cause instanceof InvalidRequest invalid) {
            return of(invalid, request);
        }
        throw failure instanceof CompletionException completion ? completion : new CompletionException(cause);
    }

    /** The response for a failure of the catalogue's use cases. */
    static MutableHttpResponse<Problem> of(SkillCatalogException failure, HttpRequest<?> request) {
        if (failure instanceof SkillNotFound) {
            return respond(HttpStatus.NOT_FOUND, "skill-not-found", "Skill not found", failure.getMessage(), request, null);
        }
        if (failure instanceof ImportSuggestionNotFound) {
            return respond(HttpStatus.NOT_FOUND, "import-suggestion-not-found", "Suggestion not found", failure.getMessage(), request, null);
        }
        if (failure instanceof ImportJobNotFound) {
            return respond(HttpStatus.NOT_FOUND, "import-job-not-found", "Import job not found", failure.getMessage(), request, null);
        }
        if (failure instanceof InvalidImportRequest invalid) {
            return respond(HttpStatus.BAD_REQUEST, "invalid-import-request", "Invalid import request", invalid.getMessage(), request,
                    invalid.problems());
        }
        if (failure instanceof DuplicateSkillName duplicate) {
            MutableHttpResponse<Problem> conflict = respond(HttpStatus.CONFLICT, "duplicate-skill-name", "Duplicate skill name",
                    failure.getMessage(), request, null, duplicate.holder().orElse(null));
            duplicate.holder().ifPresent(holder -> conflict.header(HttpHeaders.LOCATION, "/skills/" + holder));
            return conflict;
        }
        if (failure instanceof SkillMerged merged) {
            // Reads follow the skill to where it lives now; a write must be meant for the new skill, so it is not sent on.
            boolean read = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
            return respond(read ? HttpStatus.PERMANENT_REDIRECT : HttpStatus.GONE, "skill-merged", "Skill merged", failure.getMessage(),
                    request, null, merged.into())
                    .header(HttpHeaders.LOCATION, "/skills/" + merged.into());
        }
        if (failure instanceof SkillNameUnknown) {
            return respond(HttpStatus.NOT_FOUND, "skill-name-unknown", "No skill has this name", failure.getMessage(), request, null);
        }
        if (failure instanceof UnknownSkills unknown) {
            return respond(HttpStatus.UNPROCESSABLE_ENTITY, "unknown-skills", "Unknown skills", unknown.getMessage(), request, unknown.problems());
        }
        if (failure instanceof StaleSkillVersion stale) {
            return respond(HttpStatus.PRECONDITION_FAILED, "stale-skill-version", "Skill has changed", failure.getMessage(), request, null)
                    .header(HttpHeaders.ETAG, EntityTags.ofVersion(stale.currentVersion()));
        }
        if (failure instanceof IdempotencyKeyReused) {
            return respond(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused", failure.getMessage(),
                    request, null);
        }
        if (failure instanceof SkillBatchConflict conflict) {
            return respond(HttpStatus.CONFLICT, "skill-batch-conflict", "Batch refused", failure.getMessage(), request, conflict.problems());
        }
        if (failure instanceof InvalidSkill invalid) {
            return respond(HttpStatus.BAD_REQUEST, "invalid-skill", "Invalid skill", invalid.getMessage(), request, invalid.problems());
        }
        if (failure instanceof InvalidSkillQuery invalid) {
            return respond(HttpStatus.BAD_REQUEST, "invalid-listing", "Invalid listing request", invalid.getMessage(), request,
                    invalid.problems());
        }
        if (failure instanceof InvalidIdempotencyKey invalid) {
            return respond(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid idempotency key", invalid.getMessage(), request,
                    invalid.problems());
        }
        if (failure instanceof ValidationFailure invalid) {
            return respond(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", invalid.getMessage(), request, invalid.problems());
        }
        if (failure instanceof SkillStoreMisconfigured) {
            return respond(HttpStatus.INTERNAL_SERVER_ERROR, "store-misconfigured", "Internal server error",
                    "The service cannot use its database as it is set up; the cause and its remedy are logged for its operators.",
                    request, null);
        }
        if (failure instanceof SkillStoreUnavailable) {
            return respond(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Service unavailable",
                    "The skills database cannot be reached right now. Try again shortly.", request, null)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return internalError(request);
    }

    /** The response for a request the API could not turn into a use-case call. */
    static MutableHttpResponse<Problem> of(InvalidRequest invalid, HttpRequest<?> request) {
        return respond(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", invalid.getMessage(), request, invalid.problems());
    }

    /** A write without a valid bearer token: none was sent, or it is malformed, badly signed, expired or not yet valid. */
    static MutableHttpResponse<Problem> unauthorized(HttpRequest<?> request) {
        boolean sentToken = request.getHeaders().getAuthorization().filter(value -> value.regionMatches(true, 0, "Bearer ", 0, 7)).isPresent();
        String detail = sentToken
                ? "The bearer token is not valid (malformed, wrongly signed, expired or not yet valid). Writing needs a valid token with the "
                        + WRITE_SCOPE + " scope."
                : "Writing needs a bearer token with the " + WRITE_SCOPE + " scope: send Authorization: Bearer <token>.";
        return respond(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail, request, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, sentToken
                        ? "Bearer realm=\"skills\", error=\"invalid_token\""
                        : "Bearer realm=\"skills\"");
    }

    /** A valid token without the scope writing needs. */
    static MutableHttpResponse<Problem> forbidden(HttpRequest<?> request) {
        return respond(HttpStatus.FORBIDDEN, "insufficient-scope", "Forbidden",
                "The token is valid but lacks the " + WRITE_SCOPE + " scope that writing needs.", request, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"skills\", error=\"insufficient_scope\", scope=\"" + WRITE_SCOPE + "\"");
    }

    /** A problem for an error the HTTP layer itself found (unknown route, wrong method, unreadable body...). */
    static Problem generic(HttpStatus status, String detail, HttpRequest<?> request) {
        return new Problem("about:blank", status.getReason(), status.getCode(), detail, request.getPath(), RequestIds.of(request), null);
    }

    static MutableHttpResponse<Problem> internalError(HttpRequest<?> request) {
        return HttpResponse.<Problem>status(HttpStatus.INTERNAL_SERVER_ERROR)
                .contentType(Problem.MEDIA_TYPE)
                .body(generic(HttpStatus.INTERNAL_SERVER_ERROR, "The service failed unexpectedly; the error is logged.", request));
    }

    private static MutableHttpResponse<Problem> respond(HttpStatus status, String type, String title, String detail,
                                                        HttpRequest<?> request, List<FieldProblem> problems) {
        return respond(status, type, title, detail, request, problems, null);
    }

    private static MutableHttpResponse<Problem> respond(HttpStatus status, String type, String title, String detail,
                                                        HttpRequest<?> request, List<FieldProblem> problems, Long skillId) {
        List<Problem.InvalidField> errors = problems == null ? null
                : problems.stream().map(problem -> new Problem.InvalidField(problem.field(), problem.message())).toList();
        Problem problem = new Problem(TYPE_PREFIX + type, title, status.getCode(), detail, request.getPath(), RequestIds.of(request), errors,
                skillId);
        return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(problem);
    }
}
