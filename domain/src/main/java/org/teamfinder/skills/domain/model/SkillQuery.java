package org.teamfinder.skills.domain.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which skills to list and how: optional filters (an exact category, a case-insensitive piece of the
 * name), an order, and a page of at most {@code limit} skills, found either after a {@link SkillPosition}
 * (keyset paging, cheap at any depth) or after skipping {@code offset} skills (kept for existing clients).
 */
public record SkillQuery(int limit, long offset, Optional<SkillPosition> after, Optional<String> category,
                         Optional<String> nameContains, SkillSort sort, SortDirection direction) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public SkillQuery {
        after = after == null ? Optional.empty() : after;
        category = category == null ? Optional.empty() : category;
        nameContains = nameContains == null ? Optional.empty() : nameContains;
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(direction, "direction");

        List<FieldProblem> problems = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT + " (was " + limit + ")"));
        }
        if (offset < 0) {
            problems.add(new FieldProblem("offset", "must be 0 or more (was " + offset + ")"));
        }
        if (offset > 0 && after.isPresent()) {
            problems.add(new FieldProblem("offset", "cannot be combined with after: page by cursor or by offset, not both"));
        }
        category.ifPresent(text -> checkFilter("category", text, SkillContent.CATEGORY_MAX_LENGTH, problems));
        nameContains.ifPresent(text -> checkFilter("q", text, SkillContent.NAME_MAX_LENGTH, problems));
        if (!problems.isEmpty()) {
            throw new InvalidSkillQuery(problems);
        }
    }

    /** The first page of the whole catalogue, by id, with the default size. */
    public static SkillQuery firstPage() {
        return new SkillQuery(DEFAULT_LIMIT, 0, Optional.empty(), Optional.empty(), Optional.empty(), SkillSort.ID, SortDirection.ASC);
    }

    public SkillQuery withLimit(int newLimit) {
        return new SkillQuery(newLimit, offset, after, category, nameContains, sort, direction);
    }

    public SkillQuery withOffset(long newOffset) {
        return new SkillQuery(limit, newOffset, after, category, nameContains, sort, direction);
    }

    public SkillQuery after(SkillPosition position) {
        return new SkillQuery(limit, offset, Optional.of(position), category, nameContains, sort, direction);
    }

    public SkillQuery inCategory(String newCategory) {
        return new SkillQuery(limit, offset, after, Optional.of(newCategory), nameContains, sort, direction);
    }

    public SkillQuery nameContaining(String text) {
        return new SkillQuery(limit, offset, after, category, Optional.of(text), sort, direction);
    }

    public SkillQuery sortedBy(SkillSort newSort, SortDirection newDirection) {
        return new SkillQuery(limit, offset, after, category, nameContains, newSort, newDirection);
    }

    /** The name filter as names are compared: in lower case, independent of the JVM's locale. */
    public Optional<String> nameContainsKey() {
        return nameContains.map(text -> text.toLowerCase(Locale.ROOT));
    }

    private static void checkFilter(String field, String text, int maxLength, List<FieldProblem> problems) {
        if (text.isBlank()) {
            problems.add(new FieldProblem(field, "must not be blank (leave it out to match everything)"));
        } else if (text.codePointCount(0, text.length()) > maxLength) {
            problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters"));
        } else if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem(field, "must not contain control characters"));
        }
    }
}
