package org.teamfinder.skills.domain.skill;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a listing, and where the next page starts when there is one. */
public record SkillPage(List<Skill> skills, Optional<SkillPosition> next) {

    public SkillPage {
        skills = List.copyOf(skills);
        Objects.requireNonNull(next, "next");
    }

    /**
     * The page made of the first {@code limit} of {@code fetched}, where a store fetched one skill more
     * than asked for to learn whether another page follows.
     */
    public static SkillPage fromOneMoreThan(List<Skill> fetched, int limit) {
        if (fetched.size() <= limit) {
            return new SkillPage(fetched, Optional.empty());
        }
        List<Skill> page = fetched.subList(0, limit);
        return new SkillPage(page, Optional.of(SkillPosition.of(page.get(limit - 1))));
    }
}
