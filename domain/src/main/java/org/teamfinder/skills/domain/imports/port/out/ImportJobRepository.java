package org.teamfinder.skills.domain.imports.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.ClaimedPage;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.imports.PageResult;
import org.teamfinder.skills.domain.imports.PageTally;
import org.teamfinder.skills.domain.shared.SkillStoreUnavailable;
import org.teamfinder.skills.domain.imports.WorkRequest;

/**
 * Where import jobs and their pages are kept, shared by every service instance on the same store. Stages
 * fail with {@link SkillStoreUnavailable} when the store cannot be reached.
 */
public interface ImportJobRepository {

    /** Stores a new job with all its pages pending. */
    CompletionStage<ImportJob> create(ImportRequest request, Instant now);

    CompletionStage<Optional<ImportJob>> find(UUID id);

    /**
     * Claims pages for the request's runner: pending pages, and pages whose lease has run out, oldest
     * first, never one that another runner holds, within the request's per-host and total limits.
     */
    CompletionStage<List<ClaimedPage>> claim(WorkRequest request);

    /**
     * In one transaction: saves the result's skills that the catalogue does not have yet (by name or
     * alias, ignoring case), counts a use of each skill the page names or mentions, keeps its suggestions on
     * the job, and records the page's outcome and counts. Completes empty, saving nothing, when the page is no
     * longer claimed by the page's runner.
     */
    CompletionStage<Optional<PageTally>> record(ClaimedPage page, PageResult result, Instant now);

    /** Makes the runner's claimed, unfinished pages pending again, as if never claimed. */
    CompletionStage<Void> release(String runner, List<Long> pageIds);

    /**
     * Cancels the job: its pending pages become cancelled (never fetched); pages in flight finish. Cancelling
     * again changes nothing. Completes with the job, or empty when there is none.
     */
    CompletionStage<Optional<ImportJob>> cancel(UUID id, Instant now);

    /**
     * Records a curator's decision on an open suggestion of the job (by the name's key): accepted, as the
     * skill {@code skillId}, or dismissed. A suggestion already decided keeps its decision. Completes with the
     * suggestion as it now is, or empty when the job has no such suggestion.
     */
    CompletionStage<Optional<ImportSuggestion>> decide(UUID jobId, String nameKey, ImportSuggestion.State decision, Optional<Long> skillId,
                                                       Instant now);
}
