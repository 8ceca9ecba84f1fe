package org.teamfinder.skills.domain.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.teamfinder.skills.domain.shared.FieldProblem;

/**
 * What a skill picker has typed so far, how many suggestions it wants (1 to {@value #MAX_LIMIT}), and
 * optionally the one category to suggest from.
 */
public record SuggestQuery(String text, int limit, Optional<String> category) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 50;

    public SuggestQuery {
        category = category == null ? Optional.empty() : category;
        List<FieldProblem> problems = new ArrayList<>();
        text = text == null ? null : text.strip();
        if (text == null || text.isEmpty()) {
            problems.add(new FieldProblem("text", "must not be blank"));
        } else if (text.codePointCount(0, text.length()) > SkillContent.NAME_MAX_LENGTH) {
            problems.add(new FieldProblem("text", "must be at most " + SkillContent.NAME_MAX_LENGTH + " characters"));
        } else if (text.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("text", "must not contain control characters"));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "must be between 1 and " + MAX_LIMIT + " (was " + limit + ")"));
        }
        category.ifPresent(value -> {
            if (value.isBlank() || value.codePointCount(0, value.length()) > SkillContent.CATEGORY_MAX_LENGTH) {
                problems.add(new FieldProblem("category", "must be 1 to " + SkillContent.CATEGORY_MAX_LENGTH + " characters"));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidSkillQuery(problems);
        }
        Objects.requireNonNull(text);
    }

    /** The text as names are compared: in lower case, independent of the JVM's locale. */
    public String key() {
        return SkillContent.keyOf(text);
    }
}
