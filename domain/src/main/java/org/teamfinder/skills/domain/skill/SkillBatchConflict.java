package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.shared.SkillCatalogException;

import java.util.List;

/** A batch was refused because some of its names are taken, by stored skills or by other items of the batch. */
public final class SkillBatchConflict extends SkillCatalogException {

    private final List<FieldProblem> problems;

    public SkillBatchConflict(List<FieldProblem> problems) {
        super("No skill was created: " + problems.size() + " of the names in the batch are taken.");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
