package org.teamfinder.skills.api.http;

import io.micronaut.serde.annotation.Serdeable;
import org.teamfinder.skills.domain.skill.CategoryCount;

/** A category in use and its number of skills. */
@Serdeable
public record CategoryResponse(String category, long skills) {

    static CategoryResponse of(CategoryCount count) {
        return new CategoryResponse(count.category(), count.skills());
    }
}
