package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/** The skill asked for was merged into another one, which now holds its names; a merge cannot be undone. */
public final class SkillMerged extends SkillCatalogException {

    private final long id;
    private final long into;

    public SkillMerged(long id, long into) {
        super("Skill " + id + " was merged into skill " + into + ", which holds its names now.");
        this.id = id;
        this.into = into;
    }

    public long id() {
        return id;
    }

    /** The skill that holds the merged one's names now (the end of the chain, if it was merged on). */
    public long into() {
        return into;
    }
}
