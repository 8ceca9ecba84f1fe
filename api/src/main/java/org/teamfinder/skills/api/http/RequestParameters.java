package org.teamfinder.skills.api.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpParameters;
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.InvalidSkillQuery;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.SkillSort;
import org.teamfinder.skills.domain.skill.SortDirection;

/** Parses path and query parameters, with a precise 400 for anything that is not understood. */
final class RequestParameters {

    static final Set<String> LISTING = Set.of("limit", "offset", "after", "category", "q", "sort", "order");
    // The values sort and order take, named once for the parser below and the OpenAPI document (SkillController).
    static final String BY_ID = "id";
    static final String BY_NAME = "name";
    static final String BY_CREATION = "createdAt";
    static final String BY_POPULARITY = "popularity";
    static final String ASCENDING = "asc";
    static final String DESCENDING = "desc";
    static final Map<String, SkillSort> SORTS = Map.of(BY_ID, SkillSort.ID, BY_NAME, SkillSort.NAME, BY_CREATION, SkillSort.CREATED_AT,
            BY_POPULARITY, SkillSort.POPULARITY);
    static final Map<String, SortDirection> DIRECTIONS = Map.of(ASCENDING, SortDirection.ASC, DESCENDING, SortDirection.DESC);
    /** The listing's parameters by the names the domain gives their fields. */
    private static final Map<String, String> PARAMETER_OF_FIELD = Map.of("nameContains", "q");

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

    /**
     * The listing a GET /skills asks for. Unknown parameters and parameters given twice are refused: a
     * misspelt filter would otherwise silently list everything.
     */
    static SkillQuery listing(HttpParameters parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : parameters.names()) {
            if (!LISTING.contains(name)) {
                problems.add(new FieldProblem(name, "is not a parameter of this listing (expected one of "
                        + LISTING.stream().sorted().collect(Collectors.joining(", ")) + ")"));
            } else if (parameters.getAll(name).size() > 1) {
                problems.add(new FieldProblem(name, "is given more than once"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest("The listing request has parameters it cannot use.", problems);
        }
        int limit = one(parameters, "limit").map(text -> (int) number("limit", text, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .orElse(SkillQuery.DEFAULT_LIMIT);
        long offset = one(parameters, "offset").map(text -> number("offset", text, Long.MIN_VALUE, Long.MAX_VALUE)).orElse(0L);
        SkillSort sort = one(parameters, "sort").map(text -> named(SORTS, text).orElseThrow(() -> invalid("sort", text,
                "must be one of " + String.join(", ", SORTS.keySet().stream().sorted().toList())))).orElse(SkillSort.ID);
        SortDirection direction = one(parameters, "order").map(text -> named(DIRECTIONS, text).orElseThrow(() -> invalid("order",
                text, "must be asc or desc"))).orElse(SortDirection.ASC);
        SkillQuery query;
        try {
            query = new SkillQuery(limit, offset, Optional.empty(), one(parameters, "category"), one(parameters, "q"), sort, direction);
        } catch (InvalidSkillQuery invalid) {
            throw new InvalidSkillQuery(invalid.problems().stream()
                    .map(problem -> new FieldProblem(PARAMETER_OF_FIELD.getOrDefault(problem.field(), problem.field()), problem.message()))
                    .toList());
        }
        Optional<String> after = one(parameters, "after");
        return after.isPresent() ? query.after(ListingCursor.decode(after.get(), query)) : query;
    }

    /** The one {@code name} parameter of a lookup by name. */
    static String name(HttpParameters parameters) {
        only(parameters, Set.of("name"), "lookup by name");
        return one(parameters, "name").filter(text -> !text.isBlank())
                .orElseThrow(() -> new InvalidRequest("Query parameter name is required: the name or alias to look up.",
                        List.of(new FieldProblem("name", "is required"))));
    }

    /** The typeahead's parameters: {@code q}, {@code limit} (1 to 50, default 10) and {@code category}. */
    static SuggestQuery suggestion(HttpParameters parameters) {
        only(parameters, Set.of("q", "limit", "category"), "suggestion request");
        int limit = one(parameters, "limit").map(text -> (int) number("limit", text, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .orElse(SuggestQuery.DEFAULT_LIMIT);
        try {
            return new SuggestQuery(one(parameters, "q").orElse(null), limit, one(parameters, "category"));
        } catch (InvalidSkillQuery invalid) {
            throw new InvalidSkillQuery(invalid.problems().stream()
                    .map(problem -> new FieldProblem(problem.field().equals("text") ? "q" : problem.field(), problem.message()))
                    .toList());
        }
    }

    /** Refuses any parameter, for a request that takes none (such as the categories). */
    static void none(HttpParameters parameters, String what) {
        only(parameters, Set.of(), what);
    }

    /** Refuses parameters other than {@code known}, and any given twice. */
    private static void only(HttpParameters parameters, Set<String> known, String what) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String name : parameters.names()) {
            if (!known.contains(name)) {
                problems.add(new FieldProblem(name, known.isEmpty() ? "is not a parameter: the " + what + " takes none"
                        : "is not a parameter of this " + what + " (expected one of " + known.stream().sorted().collect(Collectors.joining(", ")) + ")"));
            } else if (parameters.getAll(name).size() > 1) {
                problems.add(new FieldProblem(name, "is given more than once"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequest("The " + what + " has parameters it cannot use.", problems);
        }
    }

    /** The name a listing parameter gives this order, such as {@code createdAt}. */
    static String parameter(SkillSort sort) {
        return SORTS.entrySet().stream().filter(entry -> entry.getValue() == sort).findFirst().orElseThrow().getKey();
    }

    /** The name a listing parameter gives this direction: {@code asc} or {@code desc}. */
    static String parameter(SortDirection direction) {
        return DIRECTIONS.entrySet().stream().filter(entry -> entry.getValue() == direction).findFirst().orElseThrow().getKey();
    }

    private static <T> Optional<T> named(Map<String, T> names, String text) {
        return Optional.ofNullable(names.get(text));
    }

    private static Optional<String> one(HttpParameters parameters, String name) {
        return Optional.ofNullable(parameters.get(name));
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
        throw invalid(name, text, "must be a whole number");
    }

    private static InvalidRequest invalid(String name, @Nullable String text, String rule) {
        return new InvalidRequest("Query parameter " + name + " " + rule + ", not '" + text + "'.", List.of(new FieldProblem(name, rule)));
    }
}
