package org.teamfinder.skills.domain.port.in;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.model.CategoryCount;
import org.teamfinder.skills.domain.model.Creation;
import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.IdempotencyKey;
import org.teamfinder.skills.domain.model.IdempotencyKeyReused;
import org.teamfinder.skills.domain.model.InvalidSkill;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillBatchConflict;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.model.SkillNotFound;
import org.teamfinder.skills.domain.model.SkillPage;
import org.teamfinder.skills.domain.model.SkillPatch;
import org.teamfinder.skills.domain.model.SkillQuery;
import org.teamfinder.skills.domain.model.StaleSkillVersion;
import org.teamfinder.skills.domain.model.VersionCheck;

/**
 * The use cases of the skills catalogue. Failures arrive as an exceptionally completed stage holding a
 * domain failure: {@link SkillNotFound}, {@link DuplicateSkillName}, {@link StaleSkillVersion},
 * {@link IdempotencyKeyReused}, {@link SkillBatchConflict}, or {@link InvalidSkill} for a patch or batch
 * that breaks the rules. Other invalid input cannot reach these methods, because {@link SkillContent} and
 * {@link SkillQuery} refuse to exist with it.
 */
public interface SkillCatalog {

    /** The most skills one batch may create. */
    int MAX_BATCH_SIZE = 1000;

    CompletionStage<Skill> create(SkillContent content);

    /** Creates a skill once per key: a retry with the same key and content gets the first answer again. */
    CompletionStage<Creation> create(SkillContent content, IdempotencyKey key);

    /** Creates 1 to {@link #MAX_BATCH_SIZE} skills, all or none; the answer lists them in the given order. */
    CompletionStage<List<Skill>> createAll(List<SkillContent> contents);

    CompletionStage<Skill> get(long id);

    CompletionStage<SkillPage> list(SkillQuery query);

    CompletionStage<List<CategoryCount>> categories();

    /** Replaces all of a skill's content (a full update), if its version passes the check. */
    CompletionStage<Skill> update(long id, SkillContent content, VersionCheck check);

    /** Changes some of a skill's fields, if its version passes the check; no concurrent change is lost. */
    CompletionStage<Skill> patch(long id, SkillPatch patch, VersionCheck check);

    CompletionStage<Void> delete(long id, VersionCheck check);

    /** Forgets idempotency keys older than the retention time; returns how many. */
    CompletionStage<Long> forgetExpiredIdempotencyKeys();
}
