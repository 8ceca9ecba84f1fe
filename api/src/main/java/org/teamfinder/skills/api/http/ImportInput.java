package org.teamfinder.skills.api.http;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.skill.SkillContent;

/** The body of POST /skills/imports, as the API documentation shows it; {@link ImportRequestBody} reads it. */
@Schema(name = "ImportInput", description = "The pages to read skills from.")
record ImportInput(
        @ArraySchema(minItems = 1, maxItems = ImportRequest.MAX_PAGES, arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED),
                schema = @Schema(format = "uri", description = "An http or https address", example = "https://example.org/jobs/42"))
        List<String> urls,
        @Schema(description = "The category of the skills created; none when left out", maxLength = SkillContent.CATEGORY_MAX_LENGTH,
                example = "Backend", nullable = true)
        @Nullable String category) {
}
