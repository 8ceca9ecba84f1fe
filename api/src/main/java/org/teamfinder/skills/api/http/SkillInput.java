package org.teamfinder.skills.api.http;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.teamfinder.skills.domain.skill.SkillContent;

/**
 * The writable fields of a skill, as the API documentation shows them. Requests are read by
 * {@link SkillRequest}, which is stricter than any schema can say.
 */
@Schema(name = "SkillInput", description = "A skill as clients send it. id, createdAt, updatedAt and version may be sent back and are ignored.")
record SkillInput(
        @Schema(description = "1 to 100 characters, unique ignoring case", example = "Java", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @ArraySchema(arraySchema = @Schema(description = "Other names the skill goes by, each unique across every skill's names and "
                + "aliases ignoring case; null or left out means none (PATCH: null removes them all)", nullable = true),
                maxItems = SkillContent.MAX_ALIASES, schema = @Schema(maxLength = SkillContent.NAME_MAX_LENGTH, example = "JS"))
        @Nullable List<String> aliases,
        @Schema(description = "Up to 50 characters; blank or null means none", example = "Backend", nullable = true)
        @Nullable String category,
        @Schema(description = "Up to 2000 characters, kept exactly", nullable = true)
        @Nullable String description) {
}
