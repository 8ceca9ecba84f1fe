package org.teamfinder.skills.domain.skill;

import java.util.Objects;

/** A skill that was merged into another: its old id (which now redirects) and the name it had. */
public record MergedSkill(long id, String name) {

    public MergedSkill {
        Objects.requireNonNull(name, "name");
    }
}
