package org.teamfinder.skills.archfixture.api;

import org.teamfinder.skills.archfixture.domain.port.out.FixturePort;

/** Breaks "controllers call use cases only": it calls an outbound port directly. */
public class PortReachingController {
    public String get(FixturePort port) {
        return port.load();
    }
}
