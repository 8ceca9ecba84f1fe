package org.teamfinder.skills.domain.imports.port.in;

import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportJobNotFound;
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
}
