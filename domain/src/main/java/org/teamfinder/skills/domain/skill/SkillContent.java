package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a user says about a skill: its name, other names it goes by (aliases), category and description,
 * already checked against the catalogue's rules. An instance cannot exist with content that breaks them.
 *
 * <p>Rules: the name is stripped of surrounding white space and then has 1 to 100 characters; so has each
 * alias, and no alias repeats the name or another alias, ignoring case (at most 100 aliases); the category
 * is stripped, has at most 50 characters, and a blank one means "no category"; the description is kept
 * exactly as given and has at most 2000 characters. Names, aliases and categories carry no control
 * characters at all; descriptions may carry tabs and line breaks, no other control characters. Every text
 * must be well-formed Unicode. Lengths count Unicode code points, as PostgreSQL does.
 */
public record SkillContent(String name, Optional<String> category, Optional<String> description, List<String> aliases) {

    public static final int NAME_MAX_LENGTH = 100;
    public static final int CATEGORY_MAX_LENGTH = 50;
    public static final int DESCRIPTION_MAX_LENGTH = 2000;
    public static final int MAX_ALIASES = 100;

    public SkillContent {
        category = category == null ? Optional.empty() : category;
        description = description == null ? Optional.empty() : description;
        aliases = aliases == null ? List.of() : aliases;

        List<FieldProblem> problems = new ArrayList<>();
        name = name == null ? null : name.strip();
        if (name == null) {
            problems.add(new FieldProblem("name", "is required"));
        } else if (name.isEmpty()) {
            problems.add(new FieldProblem("name", "must not be blank"));
        } else {
            checkText("name", name, NAME_MAX_LENGTH, false, problems);
        }

        category = category.map(String::strip).filter(text -> !text.isEmpty());
        category.ifPresent(text -> checkText("category", text, CATEGORY_MAX_LENGTH, false, problems));
        description.ifPresent(text -> checkText("description", text, DESCRIPTION_MAX_LENGTH, true, problems));
        aliases = checkedAliases(name, aliases, problems);

        if (!problems.isEmpty()) {
            throw new InvalidSkill(problems);
        }
    }

    /** Content without aliases. */
    public SkillContent(String name, Optional<String> category, Optional<String> description) {
        this(name, category, description, List.of());
    }

    /** Content from plain values, where {@code null} means absent. */
    public static SkillContent of(String name, String category, String description) {
        return new SkillContent(name, Optional.ofNullable(category), Optional.ofNullable(description));
    }

    /** The same content with these aliases instead of its own. */
    public SkillContent withAliases(List<String> newAliases) {
        return new SkillContent(name, category, description, newAliases);
    }

    /** The key under which names must be unique: the name in lower case, independent of the JVM's locale. */
    public String nameKey() {
        return keyOf(name);
    }

    /** The key under which a name or alias is unique across the catalogue: lower case, independent of the JVM's locale. */
    public static String keyOf(String nameOrAlias) {
        return nameOrAlias.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> checkedAliases(String name, List<String> given, List<FieldProblem> problems) {
        if (given.size() > MAX_ALIASES) {
            problems.add(new FieldProblem("aliases", "must hold at most " + MAX_ALIASES + " aliases (had " + given.size() + ")"));
            return List.copyOf(given);
        }
        List<String> aliases = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        if (name != null && !name.isEmpty()) {
            seen.put(keyOf(name), "the name");
        }
        for (int i = 0; i < given.size(); i++) {
            String field = "aliases[" + i + "]";
            String alias = given.get(i) == null ? null : given.get(i).strip();
            if (alias == null || alias.isEmpty()) {
                problems.add(new FieldProblem(field, "must not be blank"));
                continue;
            }
            int before = problems.size();
            checkText(field, alias, NAME_MAX_LENGTH, false, problems);
            if (problems.size() > before) {
                continue;
            }
            String earlier = seen.putIfAbsent(keyOf(alias), field);
            if (earlier != null) {
                problems.add(new FieldProblem(field, "repeats " + earlier + " (names and aliases are compared ignoring case)"));
                continue;
            }
            aliases.add(alias);
        }
        return List.copyOf(aliases);
    }

    private static void checkText(String field, String text, int maxLength, boolean multiline, List<FieldProblem> problems) {
        if (!isWellFormed(text)) {
            problems.add(new FieldProblem(field, "must be well-formed Unicode text (it has an unpaired surrogate)"));
            return;
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxLength) {
            problems.add(new FieldProblem(field, "must be at most " + maxLength + " characters (was " + length + ")"));
        }
        if (text.chars().anyMatch(c -> isForbiddenControl(c, multiline))) {
            problems.add(new FieldProblem(field, multiline
                    ? "must not contain control characters other than tab and line breaks"
                    : "must not contain control characters"));
        }
    }

    private static boolean isForbiddenControl(int c, boolean multiline) {
        if (multiline && (c == '\t' || c == '\n' || c == '\r')) {
            return false;
        }
        return Character.isISOControl(c);
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
