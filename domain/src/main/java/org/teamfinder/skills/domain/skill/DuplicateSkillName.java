package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/** Another skill already has this name, compared case-insensitively. */
public final class DuplicateSkillName extends SkillCatalogException {

    private final String name;

    public DuplicateSkillName(String name) {
        super("A skill named '" + name + "' already exists (names are compared ignoring case).");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
