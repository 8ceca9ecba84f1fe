package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;

import java.util.ArrayList;
import java.util.List;
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
        nameContains.ifPresent(text -> checkFilter("nameContains", text, SkillContent.NAME_MAX_LENGTH, problems));
        if (!problems.isEmpty()) {
            throw new InvalidSkillQuery(problems);
        }
    }

    public SkillQuery after(SkillPosition position) {
        return new SkillQuery(limit, offset, Optional.of(position), category, nameContains, sort, direction);
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
