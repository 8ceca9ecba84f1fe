package org.teamfinder.skills.domain.skill;

import java.util.Objects;

/** The skill a creation request made, and whether this answer repeats an earlier one for the same idempotency key. */
public record Creation(Skill skill, boolean replayed) {

    public Creation {
        Objects.requireNonNull(skill, "skill");
    }
}
