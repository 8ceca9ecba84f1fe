package org.teamfinder.skills.archfixture.domain.skill;

import org.teamfinder.skills.archfixture.domain.imports.FixtureJob;

/** Breaks "the skill aggregate does not know imports": a skill that refers to an import job. */
public record FixtureSkill(String name, FixtureJob importedBy) {
}
