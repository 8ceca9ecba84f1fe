package org.teamfinder.skills.domain.imports.port.in;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportJobNotFound;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.imports.ImportSuggestionNotFound;
import org.teamfinder.skills.domain.imports.ImportRequest;

/**
 * Importing skills from web pages, as a user sees it: hand in a batch of page addresses, get a job back
 * at once, and watch it. The pages are fetched and read later, by runners ({@link ImportWork}).
 */
public interface ImportSkills {

    /** Records a job for the pages; it starts as {@code QUEUED} with every page pending. */
    CompletionStage<ImportJob> submit(ImportRequest request);

    /** The job with every page's outcome so far; fails with {@link ImportJobNotFound}. */
    CompletionStage<ImportJob> find(UUID id);

    /**
     * Cancels the job: its pages not started yet are never fetched; those in flight finish. Cancelling a
     * cancelled or finished job changes nothing. Fails with {@link ImportJobNotFound}.
     */
    CompletionStage<ImportJob> cancel(UUID id);

    /**
     * A curator's decision on a name the job's pages suggested: accepting creates the skill (in the job's
     * category), or links the skill that has the name by now; dismissing keeps it out. A decided suggestion
     * keeps its first decision. Fails with {@link ImportJobNotFound} or {@link ImportSuggestionNotFound}.
     */
    CompletionStage<ImportSuggestion> decide(UUID id, String name, ImportSuggestion.State decision);
}
