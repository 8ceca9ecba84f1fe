package org.teamfinder.skills.archfixture.domain.skill.port.out;

/** An outbound port of the fixture domain. */
public interface FixturePort {

    String load();
}
