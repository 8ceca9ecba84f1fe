package org.teamfinder.skills.domain.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionCheckTest {

    @Test
    void noneAcceptsEveryVersion() {
        assertThat(VersionCheck.none().accepts(1)).isTrue();
        assertThat(VersionCheck.none().accepts(99)).isTrue();
    }

    @Test
    void oneOfAcceptsOnlyTheListedVersions() {
        VersionCheck check = VersionCheck.oneOf(List.of(2L, 4L));

        assertThat(check.accepts(2)).isTrue();
        assertThat(check.accepts(4)).isTrue();
        assertThat(check.accepts(3)).isFalse();
        assertThat(check.isNone()).isFalse();
    }

    @Test
    void oneOfNothingIsAMistake() {
        assertThatThrownBy(() -> VersionCheck.oneOf(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "ключ", "tab\t"})
    void idempotencyKeyMustBeVisibleAscii(String key) {
        assertThatThrownBy(() -> new IdempotencyKey("client", key)).isInstanceOf(InvalidIdempotencyKey.class);
    }

    @Test
    void idempotencyKeyMayBeUpTo255Characters() {
        assertThat(new IdempotencyKey("client", "k".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> new IdempotencyKey("client", "k".repeat(256))).isInstanceOf(InvalidIdempotencyKey.class);
    }
}
