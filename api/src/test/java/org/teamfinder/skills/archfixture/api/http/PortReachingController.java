package org.teamfinder.skills.archfixture.api.http;

import org.teamfinder.skills.archfixture.domain.skill.port.out.FixturePort;

/** Breaks "controllers call use cases only": it reaches past the use case to an outbound port. */
public class PortReachingController {

    public String get(FixturePort port) {
        return port.load();
    }
}
