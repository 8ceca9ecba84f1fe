package org.teamfinder.skills.domain.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.model.SkillNotFound;
import org.teamfinder.skills.domain.testing.InMemorySkillRepository;

/** The use cases, wired by hand over the in-memory repository: no framework, no database. */
class SkillCatalogServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123456789Z"));
    private final SkillCatalogService catalog = new SkillCatalogService(new InMemorySkillRepository(), clock);

    @Test
    void createStampsBothTimesWithTheClockToTheMicrosecond() {
        Skill skill = await(catalog.create(SkillContent.of("Java", null, null)));

        assertThat(skill.createdAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(skill.updatedAt()).isEqualTo(skill.createdAt());
        assertThat(skill.version()).isEqualTo(1);
    }

    @Test
    void getReturnsTheCreatedSkill() {
        Skill created = await(catalog.create(SkillContent.of("Java", "Backend", null)));

        assertThat(await(catalog.get(created.id()))).isEqualTo(created);
    }

    @Test
    void getOfUnknownIdFailsWithSkillNotFound() {
        assertThatThrownBy(() -> await(catalog.get(42))).isInstanceOf(SkillNotFound.class).hasMessageContaining("42");
    }

    @Test
    void updateReplacesContentAndMovesOnlyTheUpdateTime() {
        Skill created = await(catalog.create(SkillContent.of("Java", "Backend", "JVM")));
        clock.advanceSeconds(60);

        Skill updated = await(catalog.update(created.id(), SkillContent.of("Java 21", null, null)));

        assertThat(updated.content()).isEqualTo(SkillContent.of("Java 21", null, null));
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(created.createdAt().plusSeconds(60));
        assertThat(updated.version()).isEqualTo(2);
    }

    @Test
    void updateOfUnknownIdFailsWithSkillNotFound() {
        assertThatThrownBy(() -> await(catalog.update(7, SkillContent.of("Java", null, null)))).isInstanceOf(SkillNotFound.class);
    }

    @Test
    void duplicateNameFailsWithDuplicateSkillName() {
        await(catalog.create(SkillContent.of("Java", null, null)));

        assertThatThrownBy(() -> await(catalog.create(SkillContent.of(" JAVA ", null, null))))
                .isInstanceOf(DuplicateSkillName.class).hasMessageContaining("JAVA");
    }

    @Test
    void deleteRemovesAndASecondDeleteFailsWithSkillNotFound() {
        Skill created = await(catalog.create(SkillContent.of("Java", null, null)));

        await(catalog.delete(created.id()));

        assertThatThrownBy(() -> await(catalog.get(created.id()))).isInstanceOf(SkillNotFound.class);
        assertThatThrownBy(() -> await(catalog.delete(created.id()))).isInstanceOf(SkillNotFound.class);
    }

    @Test
    void listReturnsThePageInIdOrder() {
        for (String name : new String[] {"C", "B", "A"}) {
            await(catalog.create(SkillContent.of(name, null, null)));
        }

        assertThat(await(catalog.list(new PageRequest(2, 1)))).extracting(Skill::name).containsExactly("B", "A");
    }

    private static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advanceSeconds(long seconds) {
            now = now.plusSeconds(seconds);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException("the catalogue only needs instants");
        }
    }
}
