package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/** No skill has the name, nor an alias that equals it, ignoring case. */
public final class SkillNameUnknown extends SkillCatalogException {

    public SkillNameUnknown(String name) {
        super("No skill is named '" + name + "', nor has it as an alias (compared ignoring case).");
    }
}
