package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/** No skill has the requested id. */
public final class SkillNotFound extends SkillCatalogException {

    private final long id;

    public SkillNotFound(long id) {
        super("No skill has id " + id + ".");
        this.id = id;
    }

    public long id() {
        return id;
    }
}
