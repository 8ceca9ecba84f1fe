package org.teamfinder.skills.api.http;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.port.in.RecordSkillUses;

/** The body of POST /skills/uses, as the API documentation shows it; {@link SkillRequest} reads it. */
@Schema(name = "UsesInput", description = "Uses of skills, all counted or none.")
record UsesInput(
        @ArraySchema(minItems = 1, maxItems = RecordSkillUses.MAX_BATCH_SIZE, schema = @Schema(implementation = Use.class),
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED))
        List<Use> uses) {

    /** One use: a skill by id or by a name or alias (exactly one of the two), and how often. */
    @Schema(name = "SkillUseInput", description = "A skill named by id (skill) or by a name or alias (name), and how often it was used.")
    record Use(
            @Schema(description = "The skill's id", format = "int64", minimum = "1", example = "12", nullable = true)
            @Nullable Long skill,
            @Schema(description = "One of the skill's names or aliases, any case", maxLength = SkillContent.NAME_MAX_LENGTH, example = "JS",
                    nullable = true)
            @Nullable String name,
            @Schema(description = "How many uses; 1 when left out", format = "int64", minimum = "1", maximum = "" + SkillUse.MAX_COUNT,
                    defaultValue = "1", nullable = true)
            @Nullable Long count) {
    }
}
