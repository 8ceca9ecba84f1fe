package org.teamfinder.skills.domain.model;

import java.util.List;

/** A page of the catalogue was asked for with a limit or offset out of range. */
public final class InvalidPageRequest extends ValidationFailure {

    public InvalidPageRequest(List<FieldProblem> problems) {
        super("The page request is not valid", problems);
    }
}
