package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/** A write expected another version of the skill than the one stored: someone else changed it first. */
public final class StaleSkillVersion extends SkillCatalogException {

    private final long id;
    private final long currentVersion;

    public StaleSkillVersion(long id, long currentVersion) {
        super("Skill " + id + " has changed: it is now at version " + currentVersion
                + ". Read it again and apply your change to that version.");
        this.id = id;
        this.currentVersion = currentVersion;
    }

    public long id() {
        return id;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
