package org.teamfinder.skills.archfixture.api.imports;

import org.teamfinder.skills.archfixture.domain.skill.service.FixtureService;

/** Breaks "the import runner works through use cases": it holds a domain service rather than its port. */
public class RunnerWithItsOwnService {

    public String run(FixtureService service) {
        return service.load();
    }
}
