package org.teamfinder.skills.domain.skill;

import java.util.List;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.shared.ValidationFailure;

/** Reported uses name skills the catalogue does not have; none of the report was counted. */
public final class UnknownSkills extends ValidationFailure {

    public UnknownSkills(List<FieldProblem> problems) {
        super("Some uses name skills the catalogue does not have; nothing was counted", problems);
    }
}
