package org.teamfinder.skills.api.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;

/**
 * What the controllers' OpenAPI annotations share: the security scheme (declared on the application), the
 * descriptions of the answers and headers many operations have, and the answers whole kinds of operation
 * give ({@link Write}, {@link JsonBody}, {@link StoreOutage}), so that each is written once. Micronaut
 * OpenAPI reads the annotations these carry as if they were on the operation.
 */
final class ApiDocs {

    /** The bearer JWT scheme every write requires; the token needs the skills:write scope. */
    static final String BEARER = "bearer";

    static final String INVALID_REQUEST = "The request cannot be read (not UTF-8 JSON of the right shape, a parameter that is not a whole number, an unknown parameter); errors names each problem";
    static final String UNAUTHORIZED = "No valid bearer token (missing, badly signed, expired or not yet valid)";
    static final String FORBIDDEN = "A valid token without the skills:write scope";
    static final String SKILL_NOT_FOUND = "No skill has this id";
    static final String SKILL_MERGED = "The skill was merged into another one; Location and the problem's skillId name it";
    static final String NAME_TAKEN = "The name or an alias is another skill's name or alias, ignoring case; Location and the problem's skillId name that skill";
    static final String STALE_VERSION = "If-Match names an older version than the skill's; the answer carries the current ETag";
    static final String TOO_LARGE = "The body is larger than 1 MiB";
    static final String UNSUPPORTED_MEDIA_TYPE = "The body is not of the media type the operation consumes";
    static final String UNAVAILABLE = "The database cannot be reached right now; try again after Retry-After seconds";

    static final String ETAG_HEADER = "The skill's version as an entity tag, such as \"3\": send it back in If-Match to write only that version, or in If-None-Match to get 304 while it is unchanged";
    static final String LOCATION_HEADER = "Where the resource lives";
    static final String LINK_HEADER = "The next page, <...>; rel=\"next\"; absent on the last page";
    static final String RETRY_AFTER_HEADER = "Seconds to wait before trying again";
    static final String IDEMPOTENT_REPLAYED_HEADER = "true when this answer repeats the first answer to a request with the same Idempotency-Key";
    static final String WWW_AUTHENTICATE_HEADER = "The bearer challenge, with error=\"invalid_token\" when a token was sent but is not valid";

    private ApiDocs() {
    }

    /** A write: it needs the bearer token with the skills:write scope, 401 without a valid one, 403 without the scope. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @SecurityRequirement(name = BEARER)
    @ApiResponse(responseCode = "401", description = UNAUTHORIZED,
            headers = @Header(name = "WWW-Authenticate", description = WWW_AUTHENTICATE_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = FORBIDDEN,
            headers = @Header(name = "WWW-Authenticate", description = WWW_AUTHENTICATE_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface Write {
    }

    /** An operation that reads a JSON body: 413 over 1 MiB, 415 for another media type. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "413", description = TOO_LARGE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "415", description = UNSUPPORTED_MEDIA_TYPE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface JsonBody {
    }

    /** An operation that needs the database: 503 with Retry-After while it cannot be reached. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @ApiResponse(responseCode = "503", description = UNAVAILABLE,
            headers = @Header(name = "Retry-After", description = RETRY_AFTER_HEADER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @interface StoreOutage {
    }
}
