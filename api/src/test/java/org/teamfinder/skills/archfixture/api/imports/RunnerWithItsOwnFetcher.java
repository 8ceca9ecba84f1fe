package org.teamfinder.skills.archfixture.api.imports;

import org.teamfinder.skills.archfixture.api.web.FixtureFetcher;

/** Breaks "the job runner works through use cases": it calls a fetcher adapter itself. */
public class RunnerWithItsOwnFetcher {
    public String run(FixtureFetcher fetcher) {
        return fetcher.load();
    }
}
