package org.teamfinder.skills.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkillQueryTest {

    private static final SkillPosition POSITION = new SkillPosition(3, "Java", Instant.parse("2026-01-01T00:00:00Z"));

    @Test
    void firstPageHasTwentySkillsByIdAscending() {
        SkillQuery first = SkillQuery.firstPage();

        assertThat(first.limit()).isEqualTo(20);
        assertThat(first.offset()).isZero();
        assertThat(first.after()).isEmpty();
        assertThat(first.sort()).isEqualTo(SkillSort.ID);
        assertThat(first.direction()).isEqualTo(SortDirection.ASC);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100})
    void limitFromOneToOneHundredIsAccepted(int limit) {
        assertThat(SkillQuery.firstPage().withLimit(limit).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void limitOutsideOneToOneHundredIsRejected(int limit) {
        InvalidSkillQuery failure = catchThrowableOfType(() -> SkillQuery.firstPage().withLimit(limit), InvalidSkillQuery.class);

        assertThat(failure.problems()).containsExactly(new FieldProblem("limit", "must be between 1 and 100 (was " + limit + ")"));
    }

    @Test
    void offsetAndCursorCannotBeCombined() {
        InvalidSkillQuery failure = catchThrowableOfType(() -> SkillQuery.firstPage().withOffset(5).after(POSITION), InvalidSkillQuery.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("offset");
        assertThat(failure.getMessage()).contains("not both");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        InvalidSkillQuery failure = catchThrowableOfType(() -> new SkillQuery(0, -5, null, java.util.Optional.of(" "),
                java.util.Optional.of("x".repeat(101)), SkillSort.NAME, SortDirection.DESC), InvalidSkillQuery.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("limit", "offset", "category", "q");
    }

    @Test
    void nameFilterWithControlCharactersIsRejected() {
        assertThat(catchThrowableOfType(() -> SkillQuery.firstPage().nameContaining("a\u0000b"), InvalidSkillQuery.class)
                .problems()).containsExactly(new FieldProblem("q", "must not contain control characters"));
    }

    @Test
    void nameFilterIsComparedInLowerCase() {
        assertThat(SkillQuery.firstPage().nameContaining("JaVA").nameContainsKey()).contains("java");
    }

    @Test
    void sortsAndDirectionsAreKnownByTheirParameterNames() {
        assertThat(SkillSort.fromParameter("createdAt")).contains(SkillSort.CREATED_AT);
        assertThat(SkillSort.fromParameter("created_at")).isEmpty();
        assertThat(SortDirection.fromParameter("desc")).contains(SortDirection.DESC);
        assertThat(SortDirection.fromParameter("DESC")).isEmpty();
    }
}
