package org.teamfinder.skills.domain.shared;

/** The place skills are kept cannot be reached right now; trying again later may work. */
public final class SkillStoreUnavailable extends SkillCatalogException {

    public SkillStoreUnavailable(String reason, Throwable cause) {
        super("The skill store cannot be reached right now: " + reason, cause);
    }
}
