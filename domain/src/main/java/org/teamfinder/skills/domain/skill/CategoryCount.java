package org.teamfinder.skills.domain.skill;

import java.util.Objects;

/** A category in use and how many skills are in it. */
public record CategoryCount(String category, long skills) {

    public CategoryCount {
        Objects.requireNonNull(category, "category");
    }
}
