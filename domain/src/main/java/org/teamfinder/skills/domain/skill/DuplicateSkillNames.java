package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

import java.util.List;

/** Some names of a batch already belong to stored skills (compared ignoring case); nothing was stored. */
public final class DuplicateSkillNames extends SkillCatalogException {

    private final List<String> takenNames;

    public DuplicateSkillNames(List<String> takenNames) {
        super("Skills with these names already exist: " + String.join(", ", takenNames) + ".");
        this.takenNames = List.copyOf(takenNames);
    }

    /** The names as the batch spelled them. */
    public List<String> takenNames() {
        return takenNames;
    }
}
