package org.teamfinder.skills.domain.shared;

/**
 * The place skills are kept answers, but not as the catalogue needs: it is set up wrongly (a schema not
 * migrated, missing rights, a connection pooler the driver was not told about). Trying again will not help;
 * its operators must change something, and {@link #remedy()} says what.
 */
public final class SkillStoreMisconfigured extends SkillCatalogException {

    private final String remedy;

    public SkillStoreMisconfigured(String cause, String remedy, Throwable error) {
        super("The skill store is not set up as the catalogue needs: " + cause, error);
        this.remedy = remedy;
    }

    /** What its operators should change, in their terms (a setting, a command). */
    public String remedy() {
        return remedy;
    }
}
