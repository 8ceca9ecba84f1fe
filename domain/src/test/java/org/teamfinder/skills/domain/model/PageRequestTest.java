package org.teamfinder.skills.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void firstPageHasTwentySkillsFromTheStart() {
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(20, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100})
    void limitFromOneToOneHundredIsAccepted(int limit) {
        assertThat(new PageRequest(limit, 0).limit()).isEqualTo(limit);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void limitOutsideOneToOneHundredIsRejected(int limit) {
        InvalidPageRequest failure = catchThrowableOfType(() -> new PageRequest(limit, 0), InvalidPageRequest.class);

        assertThat(failure.problems()).containsExactly(
                new FieldProblem("limit", "must be between 1 and 100 (was " + limit + ")"));
    }

    @Test
    void negativeOffsetIsRejectedTogetherWithABadLimit() {
        InvalidPageRequest failure = catchThrowableOfType(() -> new PageRequest(0, -5), InvalidPageRequest.class);

        assertThat(failure.problems()).extracting(FieldProblem::field).containsExactly("limit", "offset");
    }
}
