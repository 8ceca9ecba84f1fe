package org.teamfinder.skills.domain.skill;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A skill as the catalogue holds it: its content plus identity, timestamps and a version that grows on every change. */
public record Skill(long id, SkillContent content, Instant createdAt, Instant updatedAt, long version) {

    public Skill {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
    }

    public String name() {
        return content.name();
    }

    public Optional<String> category() {
        return content.category();
    }

    public Optional<String> description() {
        return content.description();
    }
}
