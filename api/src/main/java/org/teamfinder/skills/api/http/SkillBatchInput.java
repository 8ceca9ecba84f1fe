package org.teamfinder.skills.api.http;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of POST /skills/batch, as the API documentation shows it. */
@Schema(name = "SkillBatchInput")
record SkillBatchInput(@ArraySchema(minItems = 1, maxItems = 1000, schema = @Schema(implementation = SkillInput.class)) List<SkillInput> skills) {
}
