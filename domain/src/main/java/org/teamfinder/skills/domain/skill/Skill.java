package org.teamfinder.skills.domain.skill;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A skill as the catalogue holds it: its content plus identity, timestamps, a version that grows on every
 * change of the content, how often it is used (its popularity, a live counter outside the version), and
 * the skills that were merged into it.
 */
public record Skill(long id, SkillContent content, Instant createdAt, Instant updatedAt, long version, long popularity,
                    List<MergedSkill> mergedFrom) {

    public Skill {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, was " + version);
        }
        if (popularity < 0) {
            throw new IllegalArgumentException("popularity counts uses, was " + popularity);
        }
        mergedFrom = mergedFrom == null ? List.of() : List.copyOf(mergedFrom);
    }

    /** A skill nobody has used yet and into which nothing was merged. */
    public Skill(long id, SkillContent content, Instant createdAt, Instant updatedAt, long version) {
        this(id, content, createdAt, updatedAt, version, 0, List.of());
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

    public List<String> aliases() {
        return content.aliases();
    }
}
