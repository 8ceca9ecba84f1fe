package org.teamfinder.skills.domain.model;

import java.util.ArrayList;
import java.util.List;

/** Which slice of the catalogue to read: at most {@code limit} skills after skipping {@code offset}, by id. */
public record PageRequest(int limit, long offset) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        List<FieldProblem> problems = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT + " (was " + limit + ")"));
        }
        if (offset < 0) {
            problems.add(new FieldProblem("offset", "must be 0 or more (was " + offset + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPageRequest(problems);
        }
    }

    /** The first page with the default size. */
    public static PageRequest first() {
        return new PageRequest(DEFAULT_LIMIT, 0);
    }
}
