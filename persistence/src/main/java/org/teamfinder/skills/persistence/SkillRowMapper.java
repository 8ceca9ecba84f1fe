package org.teamfinder.skills.persistence;

import java.time.Instant;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;

import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;

/** Maps table rows to domain skills, field by field. */
final class SkillRowMapper {

    private SkillRowMapper() {
    }

    /** Reads a row of {@code skill} with the columns of {@link SkillStatements#COLUMNS}. */
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
