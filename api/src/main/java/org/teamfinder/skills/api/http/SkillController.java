package org.teamfinder.skills.api.http;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.concurrent.CompletionStage;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.uri.UriBuilder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillPage;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.port.in.ChangeSkills;
import org.teamfinder.skills.domain.skill.port.in.CreateSkills;
import org.teamfinder.skills.domain.skill.port.in.FindSkills;
import org.teamfinder.skills.domain.skill.port.in.MergeSkills;
import org.teamfinder.skills.domain.skill.port.in.RecordSkillUses;
import org.teamfinder.skills.domain.skill.port.in.SuggestSkills;

/**
 * The skills catalogue over HTTP. Every method returns a CompletionStage, so Micronaut runs it on the Netty
 * event loop and nothing here blocks; failures become problem+json in {@link Problems}.
 */
@Controller(value = "/skills", produces = MediaType.APPLICATION_JSON)
@Tag(name = "skills", description = "The catalogue of skills")
public class SkillController {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final CreateSkills creating;
    private final FindSkills finding;
    private final ChangeSkills changing;
    private final SuggestSkills suggesting;
    private final MergeSkills merging;
    private final RecordSkillUses recording;
    private final Answers answers;

    SkillController(CreateSkills creating, FindSkills finding, ChangeSkills changing, SuggestSkills suggesting, MergeSkills merging,
                    RecordSkillUses recording, Answers answers) {
        this.creating = creating;
        this.finding = finding;
        this.changing = changing;
        this.suggesting = suggesting;
        this.merging = merging;
        this.recording = recording;
        this.answers = answers;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSkill", summary = "Create a skill",
            description = "Needs a bearer token with the skills:write scope. With an Idempotency-Key, a retry of the same request (same "
                    + "key, same skill, same caller) within 24 hours gets the first answer again, marked Idempotent-Replayed: true; the "
                    + "same key with another skill gets 422.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillInput.class)))
    @ApiResponse(responseCode = "201", description = "Created",
            headers = {@Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")), @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
                    @Header(name = "Idempotent-Replayed", description = ApiDocs.IDEMPOTENT_REPLAYED_HEADER, schema = @Schema(type = "string"))},
            content = @Content(schema = @Schema(implementation = SkillResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid skill; errors names each field's problem", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiResponse(responseCode = "409", description = ApiDocs.NAME_TAKEN, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.JsonBody
    @ApiResponse(responseCode = "422", description = "Idempotency-Key already used for another skill", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> create(HttpRequest<?> request, @Body byte[] body,
                                            @io.micronaut.http.annotation.Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        return answers.answer(request, () -> {
            var content = SkillRequest.content(body);
            if (idempotencyKey == null) {
                return creating.create(content).thenApply(SkillController::created);
            }
            // A key is the caller's own: the token's subject, or the one anonymous caller when sign-in is off.
            String owner = request.getUserPrincipal().map(Principal::getName).orElse(IdempotencyKey.ANONYMOUS);
            return creating.create(content, new IdempotencyKey(owner, idempotencyKey)).thenApply(creation -> {
                MutableHttpResponse<SkillResponse> response = created(creation.skill());
                return creation.replayed() ? response.header(IDEMPOTENT_REPLAYED, "true") : response;
            });
        });
    }

    @Post("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createSkills", summary = "Create up to 1000 skills at once, all or none",
            description = "Needs a bearer token with the skills:write scope. When the batch is refused, errors lists each item's "
                    + "problem as skills[<index>].<field>, and nothing is created.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillBatchInput.class)))
    @ApiResponse(responseCode = "201", description = "All created, in the order given",
            content = @Content(schema = @Schema(implementation = SkillBatchResponse.class)))
    @ApiResponse(responseCode = "400", description = "Some items are invalid; nothing was created", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiResponse(responseCode = "409", description = "Some names are taken or repeated; nothing was created", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.JsonBody
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> createAll(HttpRequest<?> request, @Body byte[] body) {
        return answers.answer(request, () -> creating.createAll(SkillRequest.batch(body))
                .thenApply(skills -> HttpResponse.created(new SkillBatchResponse(skills.stream().map(SkillResponse::of).toList()))));
    }

    @Get("/{id}")
    @Operation(operationId = "getSkill", summary = "Read one skill",
            description = "Send the ETag back in If-None-Match to get 304 while it is unchanged. A skill merged into another answers 308 "
                    + "with the other's address.")
    @ApiResponse(responseCode = "200", description = "The skill", headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SkillResponse.class)))
    @ApiResponse(responseCode = "304", description = "Not modified since the ETag given in If-None-Match",
            headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "308", description = ApiDocs.SKILL_MERGED, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "400", description = ApiDocs.INVALID_REQUEST, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = ApiDocs.SKILL_NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> get(HttpRequest<?> request, @Parameter(description = "The skill's id", schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable String id,
                                         @io.micronaut.http.annotation.Header(HttpHeaders.IF_NONE_MATCH) @Nullable String ifNoneMatch) {
        return answers.answer(request, () -> finding.get(RequestParameters.skillId(id)).thenApply(skill -> EntityTags.noneMatchFails(ifNoneMatch, skill)
                ? HttpResponse.notModified().header(HttpHeaders.ETAG, EntityTags.of(skill))
                : withTag(HttpResponse.ok(SkillResponse.of(skill)), skill)));
    }

    @Get
    @Operation(operationId = "listSkills", summary = "List skills, a page at a time",
            description = "Pages by cursor: follow the Link rel=\"next\" header until there is none. offset paging still works "
                    + "but gets slower the deeper it goes. Unknown or repeated parameters are refused with 400.")
    @ApiResponse(responseCode = "200", description = "One page", headers = @Header(name = "Link", description = ApiDocs.LINK_HEADER, schema = @Schema(type = "string")),
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = SkillResponse.class))))
    @ApiResponse(responseCode = "400", description = "Invalid parameters; errors names each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> list(
            HttpRequest<?> request,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", format = "int32", minimum = "1",
                    maximum = "" + SkillQuery.MAX_LIMIT, defaultValue = "" + SkillQuery.DEFAULT_LIMIT)) @QueryValue @Nullable String limit,
            @Parameter(description = "Skills to skip (offset paging); not with after",
                    schema = @Schema(type = "integer", format = "int64", minimum = "0", defaultValue = "0")) @QueryValue @Nullable String offset,
            @Parameter(description = "Cursor from the previous page's Link header; the other parameters must be the page's own")
            @QueryValue @Nullable String after,
            @Parameter(description = "Only skills of this category (exact)") @QueryValue @Nullable String category,
            @Parameter(description = "Only skills whose name contains this, ignoring case") @QueryValue @Nullable String q,
            @Parameter(description = "Order by", schema = @Schema(type = "string", defaultValue = RequestParameters.BY_ID,
                    allowableValues = {RequestParameters.BY_ID, RequestParameters.BY_NAME, RequestParameters.BY_CREATION,
                            RequestParameters.BY_POPULARITY}))
            @QueryValue @Nullable String sort,
            @Parameter(description = "Direction", schema = @Schema(type = "string", defaultValue = RequestParameters.ASCENDING,
                    allowableValues = {RequestParameters.ASCENDING, RequestParameters.DESCENDING}))
            @QueryValue @Nullable String order) {
        return answers.answer(request, () -> {
            SkillQuery query = RequestParameters.listing(request.getParameters());
            return finding.list(query).thenApply(page -> {
                MutableHttpResponse<List<SkillResponse>> response = HttpResponse.ok(page.skills().stream().map(SkillResponse::of).toList());
                nextLink(query, page).ifPresent(link -> response.header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\""));
                return response;
            });
        });
    }

    @Get("/categories")
    @Operation(operationId = "listCategories", summary = "The categories in use, with how many skills each has",
            description = "Every category at least one skill has, in alphabetical (code point) order, with its number of skills.")
    @ApiResponse(responseCode = "200", description = "Categories in alphabetical (code point) order",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = CategoryResponse.class))))
    @ApiResponse(responseCode = "400", description = "A query parameter was given; the list takes none",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> categories(HttpRequest<?> request) {
        return answers.answer(request, () -> {
            RequestParameters.none(request.getParameters(), "list of categories");
            return finding.categories().thenApply(counts -> HttpResponse.ok(counts.stream().map(CategoryResponse::of).toList()));
        });
    }

    @Get("/resolve")
    @Operation(operationId = "resolveSkill", summary = "The skill a name or alias belongs to",
            description = "Names and aliases are compared ignoring case, in every script: ?name=js answers JavaScript.")
    @ApiResponse(responseCode = "200", description = "The skill that has the name or alias",
            headers = {@Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
                    @Header(name = "Content-Location", description = "The skill's own address", schema = @Schema(type = "string"))},
            content = @Content(schema = @Schema(implementation = SkillResponse.class)))
    @ApiResponse(responseCode = "400", description = "No name given", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No skill has the name or alias", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> resolve(HttpRequest<?> request,
                                             @Parameter(description = "A name or alias, any case", required = true) @QueryValue @Nullable String name) {
        return answers.answer(request, () -> finding.resolve(RequestParameters.name(request.getParameters()))
                .thenApply(skill -> withTag(HttpResponse.ok(SkillResponse.of(skill)), skill)
                        .header(HttpHeaders.CONTENT_LOCATION, "/skills/" + skill.id())));
    }

    @Get("/suggest")
    @Operation(operationId = "suggestSkills", summary = "Typeahead: skills for what a picker has typed so far",
            description = "Names or aliases equal to the text first, then those starting with it, then those with a later word "
                    + "starting with it (\"boot\" finds Spring Boot), then near misses (1 typo from 5 characters, 2 from 9); within each, "
                    + "the most popular first, then by name. Each hit says which name or alias matched. Latin, Cyrillic and every other script.")
    @ApiResponse(responseCode = "200", description = "The hits, best first, each skill once",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = SuggestionResponse.class))))
    @ApiResponse(responseCode = "400", description = "Invalid parameters; errors names each", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> suggest(
            HttpRequest<?> request,
            @Parameter(description = "What has been typed", required = true,
                    schema = @Schema(type = "string", minLength = 1, maxLength = SkillContent.NAME_MAX_LENGTH)) @QueryValue @Nullable String q,
            @Parameter(description = "Hits wanted", schema = @Schema(type = "integer", format = "int32", minimum = "1",
                    maximum = "" + SuggestQuery.MAX_LIMIT, defaultValue = "" + SuggestQuery.DEFAULT_LIMIT)) @QueryValue @Nullable String limit,
            @Parameter(description = "Only skills of this category (exact)") @QueryValue @Nullable String category) {
        return answers.answer(request, () -> suggesting.suggest(RequestParameters.suggestion(request.getParameters()))
                .thenApply(hits -> HttpResponse.ok(hits.stream().map(SuggestionResponse::of).toList())));
    }

    @Post("/{id}/merges")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "mergeSkill", summary = "Merge another skill into this one (cannot be undone)",
            description = "Needs a bearer token with the skills:write scope. The source skill disappears: its name and aliases become "
                    + "aliases of this skill, its popularity is added to this one's, and GET /skills/{source} answers 308 Permanent "
                    + "Redirect here from then on. If-Match checks this skill's version, sourceVersion the source's. One transaction.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MergeInput.class)))
    @ApiResponse(responseCode = "200", description = "This skill after the merge", headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SkillResponse.class)))
    @ApiResponse(responseCode = "400", description = "Not a merge request, or a skill merged into itself", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiResponse(responseCode = "404", description = "One of the skills does not exist", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "410", description = ApiDocs.SKILL_MERGED, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "One of the skills changed since the version given", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.JsonBody
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> merge(HttpRequest<?> request, @Parameter(description = "The skill's id", schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable String id, @Body byte[] body,
                                           @io.micronaut.http.annotation.Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return answers.answer(request, () -> {
            long target = RequestParameters.skillId(id);
            SkillRequest.Merge merge = SkillRequest.merge(body);
            return merging.merge(merge.source(), merge.sourceCheck(), target, EntityTags.ifMatch(ifMatch))
                    .thenApply(skill -> withTag(HttpResponse.ok(SkillResponse.of(skill)), skill));
        });
    }

    @Post("/uses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordSkillUses", summary = "Report that skills were used (a profile added them)",
            description = "Needs a bearer token with the skills:write scope. Each use adds its count (1 when left out) to the skill's "
                    + "popularity. Name a skill by id (skill) or by a name or alias (name). Up to 1000 uses, all or none: one naming a "
                    + "skill the catalogue lacks refuses the whole report (422).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UsesInput.class)))
    @ApiResponse(responseCode = "204", description = "Counted")
    @ApiResponse(responseCode = "400", description = "Not a report of uses", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiDocs.JsonBody
    @ApiResponse(responseCode = "422", description = "Some uses name skills the catalogue lacks; nothing was counted", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> uses(HttpRequest<?> request, @Body byte[] body) {
        return answers.answer(request, () -> recording.record(SkillRequest.uses(body)).thenApply(counted -> HttpResponse.noContent()));
    }

    @Put("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceSkill", summary = "Replace a skill",
            description = "Needs a bearer token with the skills:write scope. With If-Match, only if the skill is still at that "
                    + "version (else 412).")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SkillInput.class)))
    @ApiResponse(responseCode = "200", description = "The replaced skill", headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SkillResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid skill, id or If-Match; errors names each problem", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiResponse(responseCode = "404", description = ApiDocs.SKILL_NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = ApiDocs.NAME_TAKEN, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "410", description = ApiDocs.SKILL_MERGED, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = ApiDocs.STALE_VERSION, headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.JsonBody
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> update(HttpRequest<?> request, @Parameter(description = "The skill's id", schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable String id, @Body byte[] body,
                                            @io.micronaut.http.annotation.Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return answers.answer(request, () -> {
            long skillId = RequestParameters.skillId(id);
            var content = SkillRequest.content(body);
            return changing.update(skillId, content, EntityTags.ifMatch(ifMatch)).thenApply(skill -> withTag(HttpResponse.ok(SkillResponse.of(skill)), skill));
        });
    }

    @Patch("/{id}")
    @Consumes(MERGE_PATCH)
    @Operation(operationId = "patchSkill", summary = "Change some fields of a skill (JSON Merge Patch, RFC 7396)",
            description = "Needs a bearer token with the skills:write scope. A field left out is kept, null removes it, a value sets "
                    + "it. With If-Match, only if the skill is still at that version (else 412); without, the patch applies to the "
                    + "latest version and no concurrent change is lost.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = SkillInput.class)))
    @ApiResponse(responseCode = "200", description = "The changed skill", headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = SkillResponse.class)))
    @ApiResponse(responseCode = "400", description = "Invalid patch, id or If-Match; errors names each problem", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiResponse(responseCode = "404", description = ApiDocs.SKILL_NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = ApiDocs.NAME_TAKEN, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "410", description = ApiDocs.SKILL_MERGED, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = ApiDocs.STALE_VERSION, headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.JsonBody
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> patch(HttpRequest<?> request, @Parameter(description = "The skill's id", schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable String id, @Body byte[] body,
                                           @io.micronaut.http.annotation.Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return answers.answer(request, () -> {
            long skillId = RequestParameters.skillId(id);
            var patch = SkillRequest.patch(body);
            return changing.patch(skillId, patch, EntityTags.ifMatch(ifMatch)).thenApply(skill -> withTag(HttpResponse.ok(SkillResponse.of(skill)), skill));
        });
    }

    @Delete("/{id}")
    @Operation(operationId = "deleteSkill", summary = "Delete a skill",
            description = "Needs a bearer token with the skills:write scope. With If-Match, only if the skill is still at that "
                    + "version (else 412).")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "400", description = "Invalid id or If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiResponse(responseCode = "404", description = ApiDocs.SKILL_NOT_FOUND, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "410", description = ApiDocs.SKILL_MERGED, headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = ApiDocs.STALE_VERSION, headers = @Header(name = "ETag", description = ApiDocs.ETAG_HEADER, schema = @Schema(type = "string")),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> delete(HttpRequest<?> request, @Parameter(description = "The skill's id", schema = @Schema(type = "integer", format = "int64", minimum = "1")) @PathVariable String id,
                                            @io.micronaut.http.annotation.Header(HttpHeaders.IF_MATCH) @Nullable String ifMatch) {
        return answers.answer(request, () -> changing.delete(RequestParameters.skillId(id), EntityTags.ifMatch(ifMatch))
                .thenApply(deleted -> HttpResponse.noContent()));
    }

    private static MutableHttpResponse<SkillResponse> created(Skill skill) {
        return withTag(HttpResponse.created(SkillResponse.of(skill), URI.create("/skills/" + skill.id())), skill);
    }

    private static MutableHttpResponse<SkillResponse> withTag(MutableHttpResponse<SkillResponse> response, Skill skill) {
        return response.header(HttpHeaders.ETAG, EntityTags.of(skill));
    }

    /** The next page's address: by offset for clients paging by offset, else by cursor. */
    private static java.util.Optional<String> nextLink(SkillQuery query, SkillPage page) {
        return page.next().map(position -> {
            UriBuilder uri = UriBuilder.of("/skills").queryParam("limit", query.limit());
            if (query.offset() > 0) {
                uri.queryParam("offset", query.offset() + query.limit());
            } else {
                uri.queryParam("after", ListingCursor.encode(position, query));
            }
            query.category().ifPresent(category -> uri.queryParam("category", category));
            query.nameContains().ifPresent(text -> uri.queryParam("q", text));
            uri.queryParam("sort", RequestParameters.parameter(query.sort())).queryParam("order", RequestParameters.parameter(query.direction()));
            return uri.toString();
        });
    }
}
