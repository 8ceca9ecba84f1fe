package org.teamfinder.skills.api.http;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of POST /skills/{id}/merges, as the API documentation shows it; {@link SkillRequest} reads it. */
@Schema(name = "MergeInput", description = "The skill to merge into this one.")
record MergeInput(
        @Schema(description = "The id of the skill that disappears into this one", format = "int64", minimum = "1", example = "17",
                requiredMode = Schema.RequiredMode.REQUIRED)
        long source,
        @Schema(description = "Merge only if the source is still at this version (else 412)", format = "int64", minimum = "1",
                example = "3", nullable = true)
        @Nullable Long sourceVersion) {
}
