package org.teamfinder.skills.persistence;

import java.time.Instant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One row of the {@code skill} table, as Micronaut Data maps it. Not a domain type: see {@link SkillRowMapper}. */
@MappedEntity("skill")
public record SkillRow(
        @Id @GeneratedValue(GeneratedValue.Type.IDENTITY) @Nullable Long id,
        String name,
        @Nullable String category,
        @Nullable String description,
        Instant createdAt,
        Instant updatedAt,
        long version) {
}
