package org.teamfinder.skills.archfixture.domain.imports;

/** An import job of the fixture domain. */
public record FixtureJob(String id) {
}
