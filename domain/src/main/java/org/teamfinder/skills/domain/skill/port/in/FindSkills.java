package org.teamfinder.skills.domain.skill.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.CategoryCount;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillMerged;
import org.teamfinder.skills.domain.skill.SkillNameUnknown;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.SkillPage;
import org.teamfinder.skills.domain.skill.SkillQuery;

/**
 * Reading the catalogue: one skill by id (else {@link SkillNotFound}, or {@link SkillMerged} when it was
 * merged into another), the skill a name or alias belongs to (else {@link SkillNameUnknown}), a page of a
 * listing, the categories in use.
 */
public interface FindSkills {

    CompletionStage<Skill> get(long id);

    /** The skill whose name or one of whose aliases this is, ignoring case. */
    CompletionStage<Skill> resolve(String name);

    CompletionStage<SkillPage> list(SkillQuery query);

    CompletionStage<List<CategoryCount>> categories();
}
