package org.teamfinder.skills.api.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.teamfinder.skills.domain.skill.Skill;

/** A skill as JSON. Absent category and description are sent as null, so every skill has the same shape. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SkillResponse(long id, String name, @Nullable String category, @Nullable String description,
                            String createdAt, String updatedAt, long version) {

    static SkillResponse of(Skill skill) {
        return new SkillResponse(skill.id(), skill.name(), skill.category().orElse(null), skill.description().orElse(null),
                skill.createdAt().toString(), skill.updatedAt().toString(), skill.version());
    }
}
