package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.skill.SkillPatch.Change;

class SkillPatchTest {

    private static final SkillContent CURRENT = SkillContent.of("Java", "Backend", "JVM language");

    @Test
    void keepingEverythingChangesNothing() {
        assertThat(new SkillPatch(Change.KEEP, Change.KEEP, Change.KEEP).applyTo(CURRENT)).isEqualTo(CURRENT);
    }

    @Test
    void fieldsCanBeSetAndRemoved() {
        SkillContent patched = new SkillPatch(Change.to("  Kotlin "), Change.REMOVE, Change.to("")).applyTo(CURRENT);

        assertThat(patched).isEqualTo(SkillContent.of("Kotlin", null, ""));
    }

    @Test
    void nameCannotBeRemovedAndOtherProblemsAreReportedWithIt() {
        InvalidSkill failure = catchThrowableOfType(
                () -> new SkillPatch(Change.REMOVE, Change.KEEP, Change.to("x".repeat(2001))).applyTo(CURRENT), InvalidSkill.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("name", "description");
    }
}
