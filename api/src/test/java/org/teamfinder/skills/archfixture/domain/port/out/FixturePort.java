package org.teamfinder.skills.archfixture.domain.port.out;

public interface FixturePort {
    String load();
}
