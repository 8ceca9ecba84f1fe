package org.teamfinder.skills.domain.skill;

import org.teamfinder.skills.domain.testing.SkillQueries;

import org.teamfinder.skills.domain.shared.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkillQueryTest {

    private static final SkillPosition POSITION = new SkillPosition(3, "Java", Instant.parse("2026-01-01T00:00:00Z"), 0);

    @Test
    void firstPageHasTwentySkillsByIdAscending() {
        SkillQuery first = SkillQueries.firstPage().query();

        assertThat(first.limit()).isEqualTo(20);
        assertThat(first.offset()).isZero();
        assertThat(first.after()).isEmpty();
        assertThat(first.sort()).isEqualTo(SkillSort.ID);
        assertThat(first.direction()).isEqualTo(SortDirection.ASC);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100})
    void limitFromOneToOneHundredIsAccepted(int limit) {
        assertThat(SkillQueries.firstPage().withLimit(limit).query().limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void limitOutsideOneToOneHundredIsRejected(int limit) {
        InvalidSkillQuery failure = catchThrowableOfType(() -> SkillQueries.firstPage().withLimit(limit).query(), InvalidSkillQuery.class);

        assertThat(failure.problems()).containsExactly(new FieldProblem("limit", "must be between 1 and 100 (was " + limit + ")"));
    }

    @Test
    void offsetAndCursorCannotBeCombined() {
        InvalidSkillQuery failure = catchThrowableOfType(() -> SkillQueries.firstPage().withOffset(5).after(POSITION).query(), InvalidSkillQuery.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("offset");
        assertThat(failure.getMessage()).contains("not both");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidSkillQuery failure = catchThrowableOfType(() -> new SkillQuery(0, -5, null, java.util.Optional.of(" "),
                java.util.Optional.of("x".repeat(101)), SkillSort.NAME, SortDirection.DESC), InvalidSkillQuery.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("limit", "offset", "category", "nameContains");
    }

    @Test
    void nameFilterWithControlCharactersIsRejected() {
        assertThat(catchThrowableOfType(() -> SkillQueries.firstPage().nameContaining("a\u0000b").query(), InvalidSkillQuery.class)
                .problems()).containsExactly(new FieldProblem("nameContains", "must not contain control characters"));
    }
}
