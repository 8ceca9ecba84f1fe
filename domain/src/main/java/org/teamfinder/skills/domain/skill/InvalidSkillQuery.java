package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.shared.ValidationFailure;

import java.util.List;

/** A listing was asked for with parameters out of range or that cannot be combined. */
public final class InvalidSkillQuery extends ValidationFailure {

    public InvalidSkillQuery(List<FieldProblem> problems) {
        super("The listing request is not valid", problems);
    }
}
