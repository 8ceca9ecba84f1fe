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
import org.teamfinder.skills.domain.imports.PageImport;

/** An import job as JSON: its state, progress, and every page's outcome in the order the URLs were given. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportJobResponse(UUID id,
                                @Schema(allowableValues = {"queued", "running", "finished"}) String state,
                                @Nullable String category, String createdAt, @Nullable String finishedAt,
                                Progress progress, List<Page> pages) {

    /** Pages finished (done or failed) of all, and the skills found, created, and already in the catalogue. */
    @Serdeable
    public record Progress(int pagesTotal, int pagesDone, int pagesFailed, int skillsFound, int skillsCreated, int skillsAlreadyPresent) {
    }

    /** One page: its state, the HTTP status it was answered with, its skills, and why it failed. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Page(String url,
                       @Schema(allowableValues = {"pending", "fetching", "done", "failed"}) String state,
                       @Nullable Integer httpStatus, int skillsFound, int skillsCreated, int skillsAlreadyPresent,
                       @Nullable String error, @Nullable String finishedAt) {
    }

    static ImportJobResponse of(ImportJob job) {
        ImportProgress progress = job.progress();
        return new ImportJobResponse(job.id(), job.state().name().toLowerCase(Locale.ROOT), job.category().orElse(null),
                job.createdAt().toString(), job.finishedAt().map(Instant::toString).orElse(null),
                new Progress(progress.pagesTotal(), progress.pagesDone(), progress.pagesFailed(), progress.skillsFound(),
                        progress.skillsCreated(), progress.skillsAlreadyPresent()),
                job.pages().stream().map(ImportJobResponse::page).toList());
    }

    private static Page page(PageImport page) {
        return new Page(page.address().toString(), page.state().name().toLowerCase(Locale.ROOT), page.httpStatus().orElse(null),
                page.skillsFound(), page.skillsCreated(), page.skillsAlreadyPresent(), page.error().orElse(null),
                page.finishedAt().map(Instant::toString).orElse(null));
    }
}
