package org.teamfinder.skills.domain.skill.port.in;

import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.VersionCheck;

/**
 * Merging duplicates: the source skill disappears, its name and aliases become aliases of the target, its
 * popularity is added to the target's, and its id leads to the target from then on. One atomic step, each
 * skill's version checked; it cannot be undone. Fails with SkillNotFound, SkillMerged, StaleSkillVersion, or
 * InvalidSkill (a skill merged into itself, or more aliases than a skill may have).
 */
public interface MergeSkills {

    /** Merges {@code source} into {@code target}; answers the target as it is now. */
    CompletionStage<Skill> merge(long source, VersionCheck sourceCheck, long target, VersionCheck targetCheck);
}
