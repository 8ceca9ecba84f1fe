package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

import java.util.UUID;

/** No import job has this id. */
public final class ImportJobNotFound extends SkillCatalogException {

    public ImportJobNotFound(UUID id) {
        this(id.toString());
    }

    public ImportJobNotFound(String id) {
        super("There is no import job " + id + ".");
    }
}
