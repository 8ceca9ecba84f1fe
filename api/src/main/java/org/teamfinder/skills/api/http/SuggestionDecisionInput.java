package org.teamfinder.skills.api.http;

import io.swagger.v3.oas.annotations.media.Schema;
import org.teamfinder.skills.domain.skill.SkillContent;

/** The body of PATCH /skills/imports/{id}/suggestions, as the API documentation shows it; {@link SuggestionDecision} reads it. */
@Schema(name = "SuggestionDecisionInput", description = "A curator's decision on one suggested name.")
record SuggestionDecisionInput(
        @Schema(description = "The suggested name, as the job shows it (any case)", maxLength = SkillContent.NAME_MAX_LENGTH,
                example = "Svelte", requiredMode = Schema.RequiredMode.REQUIRED)
        String name,
        @Schema(description = "accepted: the name becomes a skill; dismissed: it does not", allowableValues = {"accepted", "dismissed"},
                requiredMode = Schema.RequiredMode.REQUIRED)
        String state) {
}
