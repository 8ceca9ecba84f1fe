package org.teamfinder.skills.domain.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.teamfinder.skills.domain.shared.FieldProblem;

/**
 * A report that a skill was used {@code count} times (a profile added it, say), naming the skill by id or by
 * one of its names or aliases. Counts are 1 to {@value #MAX_COUNT}.
 */
public record SkillUse(Optional<Long> id, Optional<String> name, long count) {

    public static final long MAX_COUNT = 1_000_000;

    public SkillUse {
        id = id == null ? Optional.empty() : id;
        name = name == null ? Optional.empty() : name.map(String::strip);
        List<FieldProblem> problems = new ArrayList<>();
        if (id.isPresent() == name.isPresent()) {
            problems.add(new FieldProblem("skill", "name the skill by id or by name, one of them"));
        }
        if (id.isPresent() && id.get() < 1) {
            problems.add(new FieldProblem("id", "must be a skill id, 1 or more"));
        }
        if (name.isPresent() && (name.get().isEmpty() || name.get().codePointCount(0, name.get().length()) > SkillContent.NAME_MAX_LENGTH)) {
            problems.add(new FieldProblem("name", "must be 1 to " + SkillContent.NAME_MAX_LENGTH + " characters"));
        }
        if (count < 1 || count > MAX_COUNT) {
            problems.add(new FieldProblem("count", "must be between 1 and " + MAX_COUNT + " (was " + count + ")"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidSkill(problems);
        }
    }

    public static SkillUse ofId(long id, long count) {
        return new SkillUse(Optional.of(id), Optional.empty(), count);
    }

    public static SkillUse ofName(String name, long count) {
        return new SkillUse(Optional.empty(), Optional.of(name), count);
    }
}
