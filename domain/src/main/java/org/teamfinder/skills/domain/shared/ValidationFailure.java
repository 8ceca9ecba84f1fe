package org.teamfinder.skills.domain.shared;

import java.util.List;
import java.util.stream.Collectors;

/** Input that breaks the catalogue's rules, with every field problem found (not just the first). */
public abstract class ValidationFailure extends SkillCatalogException {

    private final List<FieldProblem> problems;

    protected ValidationFailure(String summary, List<FieldProblem> problems) {
        super(summary + ": " + problems.stream()
                .map(problem -> problem.field() + " " + problem.message())
                .collect(Collectors.joining("; ")) + ".");
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
