package org.teamfinder.skills.persistence;

import java.time.Instant;
import java.util.List;

import io.micronaut.core.annotation.Nullable;

/** One row of the {@code skill} table as a statement returns it. Not a domain type: see {@link SkillRowMapper}. */
record SkillRow(long id, String name, @Nullable String category, @Nullable String description, List<String> aliases, Instant createdAt,
                Instant updatedAt, long version, long popularity, List<Long> mergedIds, List<String> mergedNames) {
}
