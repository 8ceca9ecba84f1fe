package org.teamfinder.skills.domain.skill.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.UnknownSkills;

/**
 * Other services report that skills were used (a profile added one), in batches of up to
 * {@value #MAX_BATCH_SIZE}: each use adds to the skill's popularity. All or nothing: a use naming a skill
 * the catalogue lacks fails the whole report with {@link UnknownSkills}.
 */
public interface RecordSkillUses {

    int MAX_BATCH_SIZE = 1000;

    CompletionStage<Void> record(List<SkillUse> uses);
}
