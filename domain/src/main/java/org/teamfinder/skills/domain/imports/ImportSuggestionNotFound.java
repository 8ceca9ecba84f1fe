package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/** The job has no suggestion of this name. */
public final class ImportSuggestionNotFound extends SkillCatalogException {

    public ImportSuggestionNotFound(String name) {
        super("The import job has no suggestion named '" + name + "'.");
    }
}
