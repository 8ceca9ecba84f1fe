package org.teamfinder.skills.api.http;

import java.util.List;

import io.micronaut.core.annotation.Nullable;
import org.teamfinder.skills.domain.model.FieldProblem;
import org.teamfinder.skills.domain.model.PageRequest;

/** Parses path and query parameters, with a precise 400 for anything that is not a number in range. */
final class RequestParameters {

    private RequestParameters() {
    }

    static long skillId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequest("'" + text + "' is not a skill id: ids are whole numbers from 1 to " + Long.MAX_VALUE + ".",
                List.of(new FieldProblem("id", "must be a whole number from 1 to " + Long.MAX_VALUE)));
    }

    static PageRequest page(@Nullable String limit, @Nullable String offset) {
        int parsedLimit = limit == null ? PageRequest.DEFAULT_LIMIT : (int) number("limit", limit, Integer.MIN_VALUE, Integer.MAX_VALUE);
        long parsedOffset = offset == null ? 0 : number("offset", offset, Long.MIN_VALUE, Long.MAX_VALUE);
        return new PageRequest(parsedLimit, parsedOffset);
    }

    private static long number(String name, String text, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidRequest("Query parameter " + name + " must be a whole number, not '" + text + "'.",
                List.of(new FieldProblem(name, "must be a whole number")));
    }
}
