package org.teamfinder.skills.api.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.teamfinder.skills.domain.skill.Skill;

/**
 * A skill as JSON. Absent category and description are sent as null and absent aliases as an empty list, so
 * every skill has the same shape. {@code popularity} counts uses and changes without changing the version;
 * {@code mergedFrom} lists the skills merged into this one (their ids lead here).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SkillResponse(long id, String name, List<String> aliases, @Nullable String category, @Nullable String description,
                            long popularity, List<MergedSkillResponse> mergedFrom, String createdAt, String updatedAt, long version) {

    static SkillResponse of(Skill skill) {
        return new SkillResponse(skill.id(), skill.name(), skill.aliases(), skill.category().orElse(null), skill.description().orElse(null),
                skill.popularity(), skill.mergedFrom().stream().map(merged -> new MergedSkillResponse(merged.id(), merged.name())).toList(),
                skill.createdAt().toString(), skill.updatedAt().toString(), skill.version());
    }

    /** A skill that was merged into this one: its old id and name. */
    @Serdeable
    public record MergedSkillResponse(long id, String name) {
    }
}
