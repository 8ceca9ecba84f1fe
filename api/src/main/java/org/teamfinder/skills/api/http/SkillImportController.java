package org.teamfinder.skills.api.http;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportJobNotFound;
import org.teamfinder.skills.domain.imports.port.in.ImportSkills;

/** Import jobs over HTTP: hand in page addresses, then watch the job fill the catalogue. */
@Controller(value = "/skills/imports", produces = MediaType.APPLICATION_JSON)
@Tag(name = "imports", description = "Filling the catalogue from web pages (job postings, team profiles, project pages)")
public class SkillImportController {

    private final ImportSkills imports;
    private final Answers answers;

    SkillImportController(ImportSkills imports, Answers answers) {
        this.imports = imports;
        this.answers = answers;
    }

    @Post
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importSkills", summary = "Import skills from up to 500 web pages",
            description = "Needs a bearer token with the skills:write scope. Answers at once with the job; the pages are fetched in "
                    + "the background. Skills are read from schema.org JSON-LD and microdata, meta keywords, rel=tag links and lists "
                    + "under headings such as Skills or Requirements. Skills the catalogue already has (ignoring case) are counted, "
                    + "not created again.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportInput.class)))
    @ApiResponse(responseCode = "202", description = "Accepted; follow Location to watch the job",
            headers = @Header(name = "Location", description = ApiDocs.LOCATION_HEADER, schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @ApiResponse(responseCode = "400", description = "No URLs, more than 500, or a URL that is not http(s); errors names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiDocs.JsonBody
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> submit(HttpRequest<?> request, @Body byte[] body) {
        return answers.answer(request, () -> imports.submit(ImportRequestBody.read(body)).thenApply(job -> HttpResponse
                .status(HttpStatus.ACCEPTED)
                .headers(headers -> headers.location(location(job)))
                .body(ImportJobResponse.of(job))));
    }

    @Get("/{id}")
    @Operation(operationId = "getImportJob", summary = "An import job: its state, progress and every page's outcome",
            description = "Poll it (every second or so) until state is no longer running.")
    @ApiResponse(responseCode = "200", description = "The job", content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> find(HttpRequest<?> request,
            @Parameter(description = "The job's id", schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
        return answers.answer(request, () -> imports.find(jobId(id)).thenApply(job -> HttpResponse.ok(ImportJobResponse.of(job))));
    }

    @Post("/{id}/cancel")
    @Operation(operationId = "cancelImportJob", summary = "Cancel an import job",
            description = "Needs a bearer token with the skills:write scope. The pages not started yet are never fetched (their state "
                    + "becomes cancelled); pages in flight finish. Cancelling a cancelled or finished job changes nothing.")
    @ApiResponse(responseCode = "200", description = "The job after the cancel", content = @Content(schema = @Schema(implementation = ImportJobResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> cancel(HttpRequest<?> request, @Parameter(description = "The job's id", schema = @Schema(type = "string", format = "uuid")) @PathVariable String id) {
        return answers.answer(request, () -> imports.cancel(jobId(id)).thenApply(job -> HttpResponse.ok(ImportJobResponse.of(job))));
    }

    @Patch("/{id}/suggestions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideImportSuggestion", summary = "Accept or dismiss a name the job's pages suggested",
            description = "Needs a bearer token with the skills:write scope. Tags and keywords the catalogue does not know are not "
                    + "created as skills: they wait on the job as suggestions. Accepting one creates the skill in the job's category "
                    + "(or links the skill that has the name by now); dismissing keeps it out. The first decision stays.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionDecisionInput.class)))
    @ApiResponse(responseCode = "200", description = "The suggestion as decided",
            content = @Content(schema = @Schema(implementation = ImportJobResponse.Suggestion.class)))
    @ApiResponse(responseCode = "400", description = "Not a decision; errors names each problem", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such job, or no such suggestion on it", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiDocs.Write
    @ApiDocs.JsonBody
    @ApiDocs.StoreOutage
    CompletionStage<HttpResponse<?>> decide(HttpRequest<?> request, @Parameter(description = "The job's id", schema = @Schema(type = "string", format = "uuid")) @PathVariable String id, @Body byte[] body) {
        return answers.answer(request, () -> {
            UUID job = jobId(id);
            SuggestionDecision decision = SuggestionDecision.read(body);
            return imports.decide(job, decision.name(), decision.state())
                    .thenApply(suggestion -> HttpResponse.ok(ImportJobResponse.suggestion(suggestion)));
        });
    }

    private static URI location(ImportJob job) {
        return URI.create("/skills/imports/" + job.id());
    }

    /** A job id from the path; anything that is not a UUID names no job. */
    private static UUID jobId(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            if (uuid.toString().equalsIgnoreCase(id)) {
                return uuid;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ImportJobNotFound(id);
    }
}
