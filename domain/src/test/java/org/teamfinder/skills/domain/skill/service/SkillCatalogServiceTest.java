package org.teamfinder.skills.domain.skill.service;

import static org.teamfinder.skills.testkit.Futures.await;

import org.teamfinder.skills.domain.testing.SkillQueries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.IntStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.skill.Creation;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillBatchConflict;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.SkillPatch;
import org.teamfinder.skills.domain.skill.SkillPatch.Change;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.StaleSkillVersion;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.testing.InMemorySkillRepository;

/** The use cases, wired by hand over the in-memory repository: no framework, no database. */
class SkillCatalogServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00.123456789Z"));
    private final InMemorySkillRepository repository = new InMemorySkillRepository();
    private final SkillCatalogService catalog = new SkillCatalogService(repository, clock);

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

        Skill updated = await(catalog.update(created.id(), SkillContent.of("Java 21", null, null), VersionCheck.none()));

        assertThat(updated.content()).isEqualTo(SkillContent.of("Java 21", null, null));
        assertThat(updated.createdAt()).isEqualTo(created.createdAt());
        assertThat(updated.updatedAt()).isEqualTo(created.createdAt().plusSeconds(60));
        assertThat(updated.version()).isEqualTo(2);
    }

    @Test
    void updateOfUnknownIdFailsWithSkillNotFound() {
        assertThatThrownBy(() -> await(catalog.update(7, SkillContent.of("Java", null, null), VersionCheck.none()))).isInstanceOf(SkillNotFound.class);
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

        await(catalog.delete(created.id(), VersionCheck.none()));

        assertThatThrownBy(() -> await(catalog.get(created.id()))).isInstanceOf(SkillNotFound.class);
        assertThatThrownBy(() -> await(catalog.delete(created.id(), VersionCheck.none()))).isInstanceOf(SkillNotFound.class);
    }

    @Test
    void listReturnsThePageInIdOrder() {
        for (String name : new String[] {"C", "B", "A"}) {
            await(catalog.create(SkillContent.of(name, null, null)));
        }

        assertThat(await(catalog.list(SkillQueries.firstPage().withLimit(2).withOffset(1).query())).skills()).extracting(Skill::name).containsExactly("B", "A");
    }

    @Test
    void patchChangesOnlyTheFieldsItNames() {
        Skill created = await(catalog.create(SkillContent.of("Java", "Backend", "JVM")));

        Skill patched = await(catalog.patch(created.id(), new SkillPatch(Change.KEEP, Change.REMOVE, Change.to("The JVM")), VersionCheck.none()));

        assertThat(patched.content()).isEqualTo(SkillContent.of("Java", null, "The JVM"));
        assertThat(patched.version()).isEqualTo(2);
    }

    @Test
    void patchThatChangesNothingKeepsTheVersion() {
        Skill created = await(catalog.create(SkillContent.of("Java", "Backend", null)));

        Skill patched = await(catalog.patch(created.id(), new SkillPatch(Change.to("Java"), Change.KEEP, Change.REMOVE), VersionCheck.exactly(1)));

        assertThat(patched).isEqualTo(created);
    }

    @Test
    void patchThatWouldBreakTheRulesFailsAndChangesNothing() {
        Skill created = await(catalog.create(SkillContent.of("Java", "Backend", null)));

        assertThatThrownBy(() -> await(catalog.patch(created.id(), new SkillPatch(Change.REMOVE, Change.to("x".repeat(51)), Change.KEEP),
                VersionCheck.none())))
                .isInstanceOfSatisfying(InvalidSkill.class, invalid -> assertThat(invalid.problems())
                        .extracting(FieldProblem::field).containsExactly("name", "category"));
        assertThat(await(catalog.get(created.id()))).isEqualTo(created);
    }

    @Test
    void patchWithAStaleVersionFailsWithTheCurrentVersion() {
        Skill created = await(catalog.create(SkillContent.of("Java", null, null)));
        await(catalog.update(created.id(), SkillContent.of("Java 21", null, null), VersionCheck.none()));

        assertThatThrownBy(() -> await(catalog.patch(created.id(), new SkillPatch(Change.to("Java 22"), Change.KEEP, Change.KEEP),
                VersionCheck.exactly(1))))
                .isInstanceOfSatisfying(StaleSkillVersion.class, stale -> assertThat(stale.currentVersion()).isEqualTo(2));
    }

    @Test
    void idempotentCreateRemembersTheKeyForTheRetentionTimeOnly() {
        SkillCatalogService hourly = new SkillCatalogService(repository, clock, java.time.Duration.ofHours(1));
        IdempotencyKey key = new IdempotencyKey(IdempotencyKey.ANONYMOUS, "3f1c2a9e-retry");
        Creation first = await(hourly.create(SkillContent.of("Java", null, null), key));
        clock.advanceSeconds(3599);

        Creation retry = await(hourly.create(SkillContent.of("Java", null, null), key));
        clock.advanceSeconds(2);

        assertThat(retry).isEqualTo(new Creation(first.skill(), true));
        assertThat(await(hourly.forgetExpired())).isEqualTo(1);
    }

    @Test
    void batchWithRepeatedNamesNamesEachRepeatedItem() {
        assertThatThrownBy(() -> await(catalog.createAll(List.of(SkillContent.of("Java", null, null),
                SkillContent.of("Go", null, null), SkillContent.of("JAVA", null, null)))))
                .isInstanceOfSatisfying(SkillBatchConflict.class, conflict -> assertThat(conflict.problems()).containsExactly(
                        new FieldProblem("skills[2].name", "repeats the name of skills[0] (names are compared ignoring case)")));
    }

    @Test
    void batchWithTakenNamesNamesEachTakenItemAndStoresNothing() {
        await(catalog.create(SkillContent.of("Go", null, null)));

        assertThatThrownBy(() -> await(catalog.createAll(List.of(SkillContent.of("Java", null, null), SkillContent.of("go", null, null)))))
                .isInstanceOfSatisfying(SkillBatchConflict.class, conflict -> assertThat(conflict.problems())
                        .extracting(FieldProblem::field).containsExactly("skills[1].name"));
        assertThat(await(catalog.list(SkillQueries.firstPage().query())).skills()).hasSize(1);
    }

    @Test
    void batchMustHoldOneToAThousandSkills() {
        List<SkillContent> tooMany = IntStream.rangeClosed(1, 1001).mapToObj(i -> SkillContent.of("s" + i, null, null)).toList();

        assertThatThrownBy(() -> await(catalog.createAll(List.of()))).isInstanceOf(InvalidSkill.class);
        assertThatThrownBy(() -> await(catalog.createAll(tooMany))).isInstanceOf(InvalidSkill.class).hasMessageContaining("had 1001");
        assertThat(await(catalog.createAll(tooMany.subList(0, 1000)))).hasSize(1000);
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
