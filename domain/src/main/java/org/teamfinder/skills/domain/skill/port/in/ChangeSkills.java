package org.teamfinder.skills.domain.skill.port.in;

import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.SkillPatch;
import org.teamfinder.skills.domain.skill.StaleSkillVersion;
import org.teamfinder.skills.domain.skill.VersionCheck;

/**
 * Changing and removing skills, each write only if the skill's version passes the caller's check. Fails
 * with {@link SkillNotFound}, {@link StaleSkillVersion}, {@link DuplicateSkillName}, or {@link InvalidSkill}
 * for a patch whose result breaks the rules.
 */
public interface ChangeSkills {

    /** Replaces all of a skill's content (a full update). */
    CompletionStage<Skill> update(long id, SkillContent content, VersionCheck check);

    /** Changes some of a skill's fields; no concurrent change is lost. */
    CompletionStage<Skill> patch(long id, SkillPatch patch, VersionCheck check);

    CompletionStage<Void> delete(long id, VersionCheck check);
}
