package org.teamfinder.skills.domain.skill;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a page ended: the sort values of its last skill. The next page holds the skills that sort after
 * this position, so it stays correct however many skills are added or removed meanwhile (keyset paging).
 */
public record SkillPosition(long id, String name, Instant createdAt, long popularity) {

    public SkillPosition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (id < 1) {
            throw new IllegalArgumentException("ids start at 1, was " + id);
        }
    }

    public static SkillPosition of(Skill skill) {
        return new SkillPosition(skill.id(), skill.name(), skill.createdAt(), skill.popularity());
    }
}
