package org.teamfinder.skills.domain.shared;

/** Base of every failure the skills catalogue reports to its callers. */
public abstract class SkillCatalogException extends RuntimeException {

    protected SkillCatalogException(String message) {
        // Domain failures are expected outcomes, not bugs: no stack trace to fill in.
        super(message, null, false, false);
    }

    protected SkillCatalogException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
