package org.teamfinder.skills.persistence;

import java.time.Instant;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;

import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;

/** Maps between table rows and domain skills, field by field. */
final class SkillRowMapper {

    private SkillRowMapper() {
    }

    static SkillRow newRow(SkillContent content, Instant now) {
        return new SkillRow(null, content.name(), content.category().orElse(null), content.description().orElse(null), now, now, 1);
    }

    /** Reads a row of {@code skill} that a hand-written statement returned. */
    static SkillRow read(Row row, RowMetadata metadata) {
        return new SkillRow(
                row.get("id", Long.class),
                row.get("name", String.class),
                row.get("category", String.class),
                row.get("description", String.class),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("version", Long.class));
    }

    static Skill toSkill(SkillRow row) {
        return new Skill(row.id(), SkillContent.of(row.name(), row.category(), row.description()),
                row.createdAt(), row.updatedAt(), row.version());
    }
}
