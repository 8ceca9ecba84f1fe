package org.teamfinder.skills.domain.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;

/**
 * Where skills are kept. Every method is asynchronous: it returns at once and completes the stage later,
 * never blocking the caller's thread. Names are unique ignoring case; a write that would break that
 * completes exceptionally with {@link DuplicateSkillName}, also when two writers race for one name.
 */
public interface SkillRepository {

    /** Stores a new skill with a fresh id, version 1, and {@code now} as both timestamps. */
    CompletionStage<Skill> insert(SkillContent content, Instant now);

    CompletionStage<Optional<Skill>> findById(long id);

    /** The skills of one page, ordered by id. */
    CompletionStage<List<Skill>> list(PageRequest page);

    /**
     * Replaces the content of a skill, sets its update time to {@code now} and adds one to its version;
     * empty when no skill has that id.
     */
    CompletionStage<Optional<Skill>> replace(long id, SkillContent content, Instant now);

    /** Removes a skill; {@code false} when no skill had that id. */
    CompletionStage<Boolean> delete(long id);
}
