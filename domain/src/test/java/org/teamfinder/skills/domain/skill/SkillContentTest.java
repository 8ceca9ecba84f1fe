package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.shared.ValidationFailure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkillContentTest {

    @Test
    void nameIsStrippedOfSurroundingWhiteSpace() {
        assertThat(SkillContent.of("  \u2003Java \u3000", null, null).name()).isEqualTo("Java");
    }

    @Test
    void nameIsRequired() {
        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of(null, null, null), InvalidSkill.class);

        assertThat(failure.problems()).containsExactly(new FieldProblem("name", "is required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\u2003\u3000"})
    void blankNameIsRejected(String name) {
        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of(name, null, null), InvalidSkill.class);

        assertThat(failure.problems()).containsExactly(new FieldProblem("name", "must not be blank"));
    }

    @Test
    void nameOfOneHundredCharactersIsAcceptedAndOneMoreIsRejected() {
        assertThat(SkillContent.of("a".repeat(100), null, null).name()).hasSize(100);

        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of("a".repeat(101), null, null), InvalidSkill.class);
        assertThat(failure.problems()).containsExactly(new FieldProblem("name", "must be at most 100 characters (was 101)"));
    }

    @Test
    void lengthCountsCodePointsNotUtf16Units() {
        String hundredRockets = "🚀".repeat(100);

        assertThat(SkillContent.of(hundredRockets, null, null).name()).isEqualTo(hundredRockets);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ja\u0000va", "Ja\nva", "Ja\tva", "Ja\u007Fva", "Ja\u0085va", "Ja\u001Bva"})
    void controlCharactersInNameAreRejected(String name) {
        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of(name, null, null), InvalidSkill.class);

        assertThat(failure.problems()).containsExactly(new FieldProblem("name", "must not contain control characters"));
    }

    @Test
    void unpairedSurrogateIsRejected() {
        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of("Java\uD800", null, null), InvalidSkill.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("name");
        assertThat(failure.problems().get(0).message()).contains("well-formed Unicode");
    }

    @Test
    void blankCategoryMeansNoCategory() {
        assertThat(SkillContent.of("Java", "   ", null).category()).isEmpty();
        assertThat(SkillContent.of("Java", " Backend ", null).category()).contains("Backend");
    }

    @Test
    void categoryLongerThanFiftyCharactersIsRejected() {
        assertThat(SkillContent.of("Java", "c".repeat(50), null).category()).contains("c".repeat(50));

        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of("Java", "c".repeat(51), null), InvalidSkill.class);
        assertThat(failure.problems()).containsExactly(new FieldProblem("category", "must be at most 50 characters (was 51)"));
    }

    @Test
    void descriptionIsKeptExactlyIncludingLineBreaksAndTabs() {
        String description = "  Writes services.\r\n\tAlso: tests.  ";

        assertThat(SkillContent.of("Java", null, description).description()).contains(description);
        assertThat(SkillContent.of("Java", null, "").description()).contains("");
    }

    @Test
    void descriptionLongerThanTwoThousandCharactersIsRejected() {
        assertThat(SkillContent.of("Java", null, "d".repeat(2000)).description()).isPresent();

        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of("Java", null, "d".repeat(2001)), InvalidSkill.class);
        assertThat(failure.problems()).containsExactly(new FieldProblem("description", "must be at most 2000 characters (was 2001)"));
    }

    @Test
    void nulInDescriptionIsRejected() {
        InvalidSkill failure = catchThrowableOfType(() -> SkillContent.of("Java", null, "a\u0000b"), InvalidSkill.class);

        assertThat(failure.problems()).containsExactly(
                new FieldProblem("description", "must not contain control characters other than tab and line breaks"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidSkill failure = catchThrowableOfType(
                () -> SkillContent.of(" ", "c".repeat(51), "d".repeat(2001)), InvalidSkill.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("name", "category", "description");
        assertThat(failure.getMessage()).startsWith("The skill is not valid: name must not be blank; category");
    }

    @Test
    void nameKeyIgnoresCaseWhateverTheDefaultLocale() {
        assertThat(SkillContent.of("INTEGRATION", null, null).nameKey()).isEqualTo("integration");
        assertThat(SkillContent.of("Ärger", null, null).nameKey()).isEqualTo(SkillContent.of("äRGER", null, null).nameKey());
    }

    @Test
    void equalContentIsEqual() {
        assertThat(SkillContent.of(" Java", "Backend ", "d")).isEqualTo(SkillContent.of("Java", "Backend", "d"));
        assertThatThrownBy(() -> SkillContent.of("", null, null)).isInstanceOf(ValidationFailure.class);
    }
}
