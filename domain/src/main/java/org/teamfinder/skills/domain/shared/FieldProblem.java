package org.teamfinder.skills.domain.shared;

import java.util.Objects;

/** One thing wrong with one input field: which field, and what is wrong with it in plain words. */
public record FieldProblem(String field, String message) {

    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
