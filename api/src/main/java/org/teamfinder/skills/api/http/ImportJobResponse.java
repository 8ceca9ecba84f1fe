package org.teamfinder.skills.api.http;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportProgress;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.imports.PageImport;

/** An import job as JSON: its state, progress, and every page's outcome in the order the URLs were given. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportJobResponse(UUID id,
                                @Schema(allowableValues = {"queued", "running", "finished", "cancelled"}) String state,
                                @Nullable String category, String createdAt, @Nullable String finishedAt, @Nullable String cancelledAt,
                                Progress progress, List<Page> pages, List<Suggestion> suggestions) {

    /** Pages finished (done or failed) of all, and the skills found, created, and already in the catalogue. */
    @Serdeable
    public record Progress(int pagesTotal, int pagesDone, int pagesFailed, int skillsFound, int skillsCreated, int skillsAlreadyPresent) {
    }

    /** One page: its state, the HTTP status it was answered with, its skills, and why it failed. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(String url,
                       @Schema(allowableValues = {"pending", "fetching", "done", "failed", "cancelled"}) String state,
                       @Nullable Integer httpStatus, int skillsFound, int skillsCreated, int skillsAlreadyPresent,
                       @Schema(description = "true when the server said the page had not changed since its last import (304): not read again")
                       boolean unchanged,
                       @Nullable String error, @Nullable String finishedAt) {
    }

    /**
     * A name the job's pages gave in tags or keywords that the catalogue did not know: how many pages gave it,
     * and a curator's decision (accepted as skillId, or dismissed).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "ImportSuggestion")
    public record Suggestion(String name, int pages, @Schema(allowableValues = {"open", "accepted", "dismissed"}) String state,
                             @Nullable Long skillId) {
    }

    static ImportJobResponse of(ImportJob job) {
        ImportProgress progress = job.progress();
        return new ImportJobResponse(job.id(), job.state().name().toLowerCase(Locale.ROOT), job.category().orElse(null),
                job.createdAt().toString(), job.finishedAt().map(Instant::toString).orElse(null),
                job.cancelledAt().map(Instant::toString).orElse(null),
                new Progress(progress.pagesTotal(), progress.pagesDone(), progress.pagesFailed(), progress.skillsFound(),
                        progress.skillsCreated(), progress.skillsAlreadyPresent()),
                job.pages().stream().map(ImportJobResponse::page).toList(),
                job.suggestions().stream().map(ImportJobResponse::suggestion).toList());
    }

    static Suggestion suggestion(ImportSuggestion suggestion) {
        return new Suggestion(suggestion.name(), suggestion.pages(), suggestion.state().name().toLowerCase(Locale.ROOT),
                suggestion.skillId().orElse(null));
    }

    private static Page page(PageImport page) {
        return new Page(page.address().toString(), page.state().name().toLowerCase(Locale.ROOT), page.httpStatus().orElse(null),
                page.skillsFound(), page.skillsCreated(), page.skillsAlreadyPresent(), page.unchanged(), page.error().orElse(null),
                page.finishedAt().map(Instant::toString).orElse(null));
    }
}
