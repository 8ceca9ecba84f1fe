package org.teamfinder.skills.domain.skill;

import java.util.Optional;

import org.teamfinder.skills.domain.shared.SkillCatalogException;

/**
 * Another skill already has this name or alias, compared case-insensitively; when known, which skill holds
 * it, so that a client can go there.
 */
public final class DuplicateSkillName extends SkillCatalogException {

    private final String name;
    private final transient Optional<Long> holder;

    public DuplicateSkillName(String name) {
        this(name, Optional.empty());
    }

    public DuplicateSkillName(String name, Optional<Long> holder) {
        super(holder.map(id -> "The name '" + name + "' is taken by skill " + id + " (as its name or an alias; names and aliases are "
                        + "compared ignoring case).")
                .orElse("A skill named '" + name + "' already exists (names and aliases are compared ignoring case)."));
        this.name = name;
        this.holder = holder;
    }

    public String name() {
        return name;
    }

    /** The id of the skill that has the name or alias. */
    public Optional<Long> holder() {
        return holder;
    }
}
