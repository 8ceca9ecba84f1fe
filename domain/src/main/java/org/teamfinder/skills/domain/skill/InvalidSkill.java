package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.shared.ValidationFailure;

import java.util.List;

/** A skill's name, category or description breaks the catalogue's rules. */
public final class InvalidSkill extends ValidationFailure {

    public InvalidSkill(List<FieldProblem> problems) {
        super("The skill is not valid", problems);
    }
}
