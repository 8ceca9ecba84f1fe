package org.teamfinder.skills.archfixture.persistence;

public record FixtureRow(long id) {
}
