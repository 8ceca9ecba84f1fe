package org.teamfinder.skills.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import org.teamfinder.skills.domain.skill.MergedSkill;
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
                list(row.get("aliases", String[].class)),
                row.get("created_at", Instant.class),
                row.get("updated_at", Instant.class),
                row.get("version", Long.class),
                row.get("popularity", Long.class),
                list(row.get("merged_ids", Long[].class)),
                list(row.get("merged_names", String[].class)));
    }

    static Skill toSkill(SkillRow row) {
        List<MergedSkill> merged = new ArrayList<>();
        for (int i = 0; i < row.mergedIds().size(); i++) {
            merged.add(new MergedSkill(row.mergedIds().get(i), row.mergedNames().get(i)));
        }
        SkillContent content = new SkillContent(row.name(), Optional.ofNullable(row.category()), Optional.ofNullable(row.description()),
                row.aliases());
        return new Skill(row.id(), content, row.createdAt(), row.updatedAt(), row.version(), row.popularity(), merged);
    }

    private static <T> List<T> list(T[] array) {
        return array == null ? List.of() : Arrays.asList(array);
    }
}
