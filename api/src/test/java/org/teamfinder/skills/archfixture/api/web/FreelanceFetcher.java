package org.teamfinder.skills.archfixture.api.web;

import org.teamfinder.skills.archfixture.api.imports.RunnerWithItsOwnFetcher;

/** Breaks "web adapters implement domain ports" (it implements none) and "web adapters know no runner". */
public class FreelanceFetcher {
    public String fetch(RunnerWithItsOwnFetcher runner) {
        return runner.toString();
    }
}
