package org.teamfinder.skills.api.http;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The writable fields of a skill, as the API documentation shows them. Requests are read by
 * {@link SkillRequest}, which is stricter than any schema can say.
 */
@Schema(name = "SkillInput", description = "A skill as clients send it. id, createdAt, updatedAt and version may be sent back and are ignored.")
record SkillInput(
        @Schema(description = "1 to 100 characters, unique ignoring case", example = "Java", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "Up to 50 characters; blank or null means none", example = "Backend", nullable = true)
        @Nullable String category,
        @Schema(description = "Up to 2000 characters, kept exactly", nullable = true)
        @Nullable String description) {
}
