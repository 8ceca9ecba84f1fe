package org.teamfinder.skills.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.model.DuplicateSkillName;
import org.teamfinder.skills.domain.model.PageRequest;
import org.teamfinder.skills.domain.model.Skill;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.port.out.SkillRepository;

/**
 * What every {@link SkillRepository} must do. Each adapter's test extends this class, so the in-memory
 * fake and the real database adapter are held to exactly the same behaviour.
 */
public abstract class SkillRepositoryContract {

    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.123456Z");
    private static final Instant T1 = T0.plus(5, ChronoUnit.MINUTES);

    private SkillRepository repository;

    /** A repository holding no skills; called before every test. */
    protected abstract SkillRepository emptyRepository();

    @BeforeEach
    void startEmpty() {
        repository = emptyRepository();
    }

    @Test
    void insertAssignsAnIdVersionOneAndTheGivenTimestamps() {
        Skill skill = await(repository.insert(SkillContent.of("Java", "Backend", "The language"), T0));

        assertThat(skill.id()).isPositive();
        assertThat(skill.version()).isEqualTo(1);
        assertThat(skill.createdAt()).isEqualTo(T0);
        assertThat(skill.updatedAt()).isEqualTo(T0);
        assertThat(skill.content()).isEqualTo(SkillContent.of("Java", "Backend", "The language"));
    }

    @Test
    void insertedSkillIsFoundByIdExactlyAsReturned() {
        Skill inserted = await(repository.insert(SkillContent.of("PostgreSQL", null, null), T0));

        assertThat(await(repository.findById(inserted.id()))).contains(inserted);
    }

    @Test
    void unknownIdIsNotFound() {
        assertThat(await(repository.findById(987_654_321L))).isEmpty();
    }

    @Test
    void textIsStoredExactly() {
        String name = "Ünïcödé 🚀 " + "n".repeat(90);
        String description = "line one\r\n\tline two — \"quoted\" 'single' \\ backslash; DROP TABLE skill; -- 🧪"
                + "x".repeat(1900);
        SkillContent content = SkillContent.of(name, "Категория", description);

        Skill inserted = await(repository.insert(content, T0));

        assertThat(name.codePointCount(0, name.length())).isEqualTo(SkillContent.NAME_MAX_LENGTH);
        assertThat(await(repository.findById(inserted.id())).orElseThrow().content()).isEqualTo(content);
    }

    @Test
    void sameNameInOtherCaseIsRejectedAsDuplicate() {
        await(repository.insert(SkillContent.of("Kotlin", null, null), T0));

        assertThatThrownBy(() -> await(repository.insert(SkillContent.of("kOTLIN", null, null), T0)))
                .isInstanceOf(DuplicateSkillName.class);
    }

    @Test
    void nonAsciiNamesAreComparedIgnoringCase() {
        await(repository.insert(SkillContent.of("Ärger-Management", null, null), T0));

        assertThatThrownBy(() -> await(repository.insert(SkillContent.of("ärger-management", null, null), T0)))
                .isInstanceOf(DuplicateSkillName.class);
    }

    @Test
    void onlyOneOfManyConcurrentInsertsOfOneNameWins() {
        List<CompletableFuture<Skill>> attempts = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            attempts.add(repository.insert(SkillContent.of(i % 2 == 0 ? "Rust" : "RUST", null, null), T0).toCompletableFuture());
        }

        long created = attempts.stream().filter(attempt -> outcome(attempt) == null).count();
        long duplicates = attempts.stream().filter(attempt -> outcome(attempt) instanceof DuplicateSkillName).count();

        assertThat(created).isEqualTo(1);
        assertThat(duplicates).isEqualTo(15);
    }

    @Test
    void listIsOrderedByIdAndHonoursLimitAndOffset() {
        List<Long> ids = IntStream.rangeClosed(1, 7)
                .mapToObj(i -> await(repository.insert(SkillContent.of("Skill " + i, null, null), T0)).id())
                .toList();

        assertThat(await(repository.list(new PageRequest(3, 0)))).extracting(Skill::id).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(await(repository.list(new PageRequest(3, 3)))).extracting(Skill::id).containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(await(repository.list(new PageRequest(3, 6)))).extracting(Skill::id).containsExactly(ids.get(6));
        assertThat(await(repository.list(new PageRequest(3, 7)))).isEmpty();
    }

    @Test
    void replaceChangesContentBumpsVersionAndKeepsCreationTime() {
        Skill original = await(repository.insert(SkillContent.of("Go", "Backend", "old"), T0));
        SkillContent newContent = SkillContent.of("Golang", null, "new");

        Skill replaced = await(repository.replace(original.id(), newContent, T1)).orElseThrow();

        assertThat(replaced.id()).isEqualTo(original.id());
        assertThat(replaced.content()).isEqualTo(newContent);
        assertThat(replaced.createdAt()).isEqualTo(T0);
        assertThat(replaced.updatedAt()).isEqualTo(T1);
        assertThat(replaced.version()).isEqualTo(2);
        assertThat(await(repository.findById(original.id()))).contains(replaced);
    }

    @Test
    void replaceMayChangeTheCaseOfTheSkillsOwnName() {
        Skill original = await(repository.insert(SkillContent.of("graphql", null, null), T0));

        Skill replaced = await(repository.replace(original.id(), SkillContent.of("GraphQL", null, null), T1)).orElseThrow();

        assertThat(replaced.name()).isEqualTo("GraphQL");
    }

    @Test
    void replaceWithAnotherSkillsNameIsRejectedAndChangesNothing() {
        await(repository.insert(SkillContent.of("Docker", null, null), T0));
        Skill other = await(repository.insert(SkillContent.of("Podman", null, null), T0));

        assertThatThrownBy(() -> await(repository.replace(other.id(), SkillContent.of("DOCKER", null, null), T1)))
                .isInstanceOf(DuplicateSkillName.class);
        assertThat(await(repository.findById(other.id()))).contains(other);
    }

    @Test
    void replaceOfUnknownIdIsEmpty() {
        assertThat(await(repository.replace(987_654_321L, SkillContent.of("Nothing", null, null), T1))).isEmpty();
    }

    @Test
    void deleteRemovesTheSkillAndFreesItsName() {
        Skill skill = await(repository.insert(SkillContent.of("Terraform", null, null), T0));

        assertThat(await(repository.delete(skill.id()))).isTrue();
        assertThat(await(repository.findById(skill.id()))).isEmpty();
        assertThat(await(repository.insert(SkillContent.of("terraform", null, null), T1)).id()).isNotEqualTo(skill.id());
    }

    @Test
    void deleteOfUnknownIdReportsFalse() {
        assertThat(await(repository.delete(987_654_321L))).isFalse();
    }

    /** Waits for a stage in a test; rethrows a failure as the domain exception it holds. */
    protected static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Throwable outcome(CompletableFuture<?> attempt) {
        try {
            attempt.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
