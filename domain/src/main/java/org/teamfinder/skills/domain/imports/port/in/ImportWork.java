package org.teamfinder.skills.domain.imports.port.in;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.ClaimedPage;
import org.teamfinder.skills.domain.imports.ImportedPage;
import org.teamfinder.skills.domain.imports.WorkRequest;

/**
 * The work behind imports, as a runner sees it. Any number of runners, in any number of service instances
 * on one database, may call these concurrently: a page is claimed by one runner at a time, and only the
 * runner holding its claim can record its outcome.
 */
public interface ImportWork {

    /** Claims pending pages (and pages whose earlier claim ran out) within the request's limits. */
    CompletionStage<List<ClaimedPage>> claim(WorkRequest request);

    /**
     * Imports one claimed page: fetches it, reads the skills on it, and saves them and the page's outcome
     * in one transaction. Completes with what was recorded, or empty when the claim had been lost to
     * another runner (nothing is then saved). Fails only when the outcome could not be stored; the page is
     * then claimed again once its lease runs out.
     */
    CompletionStage<Optional<ImportedPage>> process(ClaimedPage page);

    /** Hands claimed pages back unfinished (on shutdown), so another runner takes them at once. */
    CompletionStage<Void> release(String runner, List<ClaimedPage> pages);
}
