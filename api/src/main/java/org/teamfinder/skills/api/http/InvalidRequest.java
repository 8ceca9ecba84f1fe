package org.teamfinder.skills.api.http;

import java.util.List;

import org.teamfinder.skills.domain.shared.FieldProblem;

/** A request the API cannot even turn into a use-case call: a body that is no JSON object, a non-numeric id. */
final class InvalidRequest extends RuntimeException {

    private final List<FieldProblem> problems;

    InvalidRequest(String message, List<FieldProblem> problems) {
        super(message, null, false, false);
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
