package org.teamfinder.skills.domain.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.model.SkillNotFound;

/**
 * The use cases of the skills catalogue. Failures arrive as an exceptionally completed stage holding a
 * domain failure: {@link SkillNotFound} or {@link DuplicateSkillName}. Invalid input cannot reach these
 * methods, because {@link SkillContent} and {@link PageRequest} refuse to exist with it.
 */
public interface SkillCatalog {

    CompletionStage<Skill> create(SkillContent content);

    CompletionStage<Skill> get(long id);

    CompletionStage<List<Skill>> list(PageRequest page);

    /** Replaces all of a skill's content (a full update). */
    CompletionStage<Skill> update(long id, SkillContent content);

    CompletionStage<Void> delete(long id);
}
