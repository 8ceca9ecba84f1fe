package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A partial change to a skill (what a JSON Merge Patch expresses): for each text field, keep it, remove it,
 * or set it to a new value; the aliases are kept, or replaced by a new list (empty to remove them all).
 * Applying it yields new content that must again pass the rules.
 */
public record SkillPatch(Change name, Change category, Change description, Optional<List<String>> aliases) {

    public SkillPatch {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        aliases = aliases == null ? Optional.empty() : aliases.map(List::copyOf);
    }

    /** A patch of the text fields that keeps the aliases. */
    public SkillPatch(Change name, Change category, Change description) {
        this(name, category, description, Optional.empty());
    }

    /** What happens to one field. */
    public sealed interface Change {
        Change KEEP = new Keep();
        Change REMOVE = new Remove();

        static Change to(String value) {
            return new SetTo(value);
        }
    }

    /** The field keeps its value. */
    public record Keep() implements Change {
    }

    /** The field is cleared. */
    public record Remove() implements Change {
    }

    /** The field gets this value. */
    public record SetTo(String value) implements Change {
        public SetTo {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The content {@code current} has after this patch; fails with {@link InvalidSkill} if it breaks the rules. */
    public SkillContent applyTo(SkillContent current) {
        List<FieldProblem> problems = new ArrayList<>();
        if (name instanceof Remove) {
            problems.add(new FieldProblem("name", "cannot be removed: every skill has a name"));
        }
        String newName = name instanceof SetTo set ? set.value() : current.name();
        Optional<String> newCategory = apply(category, current.category());
        Optional<String> newDescription = apply(description, current.description());
        try {
            SkillContent content = new SkillContent(newName, newCategory, newDescription, aliases.orElse(current.aliases()));
            if (problems.isEmpty()) {
                return content;
            }
        } catch (InvalidSkill invalid) {
            problems.addAll(invalid.problems());
        }
        throw new InvalidSkill(problems);
    }

    private static Optional<String> apply(Change change, Optional<String> current) {
        if (change instanceof SetTo set) {
            return Optional.of(set.value());
        }
        return change instanceof Remove ? Optional.empty() : current;
    }
}
