package org.teamfinder.skills.domain.imports;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.shared.ValidationFailure;

import java.util.List;

/** An import request that cannot be accepted: no URLs or too many, a URL that is not http(s), a bad category. */
public final class InvalidImportRequest extends ValidationFailure {

    public InvalidImportRequest(List<FieldProblem> problems) {
        super("The import request is not valid", problems);
    }
}
