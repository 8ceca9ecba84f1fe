package org.teamfinder.skills.api.http;

import java.util.List;

import io.micronaut.serde.annotation.Serdeable;

/** The skills a batch created, in the order they were sent. */
@Serdeable
public record SkillBatchResponse(List<SkillResponse> skills) {
}
