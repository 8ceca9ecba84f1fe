package org.teamfinder.skills.domain.skill.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.Creation;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.IdempotencyKeyReused;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillBatchConflict;
import org.teamfinder.skills.domain.skill.SkillContent;

/**
 * Adding skills to the catalogue: one at a time, once per idempotency key, or a batch that is stored whole
 * or not at all. Fails with {@link DuplicateSkillName}, {@link IdempotencyKeyReused}, {@link SkillBatchConflict}
 * or {@link InvalidSkill} (a batch of the wrong size).
 */
public interface CreateSkills {

    /** The most skills one batch may create. */
    int MAX_BATCH_SIZE = 1000;

    CompletionStage<Skill> create(SkillContent content);

    /**
     * Creates a skill once per key: a retry by the same caller with the same key and content gets the first
     * answer again; keys of different callers never meet.
     */
    CompletionStage<Creation> create(SkillContent content, IdempotencyKey key);

    /** Creates 1 to {@link #MAX_BATCH_SIZE} skills, all or none; the answer lists them in the given order. */
    CompletionStage<List<Skill>> createAll(List<SkillContent> contents);
}
