package org.teamfinder.skills.archfixture.domain.skill.service;

import org.teamfinder.skills.archfixture.domain.skill.port.out.FixturePort;

/** A use case's implementation in the fixture domain. */
public class FixtureService {

    private final FixturePort port;

    public FixtureService(FixturePort port) {
        this.port = port;
    }

    public String load() {
        return port.load();
    }
}
