package org.teamfinder.skills.domain.testing;

import static org.teamfinder.skills.testkit.Futures.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.CategoryCount;
import org.teamfinder.skills.domain.skill.Creation;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.DuplicateSkillNames;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.IdempotencyKeyReused;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillPage;
import org.teamfinder.skills.domain.skill.SkillPosition;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SkillSort;
import org.teamfinder.skills.domain.skill.SortDirection;
import org.teamfinder.skills.domain.skill.StaleSkillVersion;
import org.teamfinder.skills.domain.skill.MergedSkill;
import org.teamfinder.skills.domain.skill.SkillMerged;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.Suggestion;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.UnknownSkills;
import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.VocabularyTally;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

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

        assertThat(ids(pageOfThree(0))).containsExactlyElementsOf(ids.subList(0, 3));
        assertThat(ids(pageOfThree(3))).containsExactlyElementsOf(ids.subList(3, 6));
        assertThat(ids(pageOfThree(6))).containsExactly(ids.get(6));
        assertThat(ids(pageOfThree(7))).isEmpty();
    }

    @Test
    void replaceChangesContentBumpsVersionAndKeepsCreationTime() {
        Skill original = await(repository.insert(SkillContent.of("Go", "Backend", "old"), T0));
        SkillContent newContent = SkillContent.of("Golang", null, "new");

        Skill replaced = await(repository.replace(original.id(), newContent, T1, VersionCheck.none())).orElseThrow();

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

        Skill replaced = await(repository.replace(original.id(), SkillContent.of("GraphQL", null, null), T1, VersionCheck.none())).orElseThrow();

        assertThat(replaced.name()).isEqualTo("GraphQL");
    }

    @Test
    void replaceWithAnotherSkillsNameIsRejectedAndChangesNothing() {
        await(repository.insert(SkillContent.of("Docker", null, null), T0));
        Skill other = await(repository.insert(SkillContent.of("Podman", null, null), T0));

        assertThatThrownBy(() -> await(repository.replace(other.id(), SkillContent.of("DOCKER", null, null), T1, VersionCheck.none())))
                .isInstanceOf(DuplicateSkillName.class);
        assertThat(await(repository.findById(other.id()))).contains(other);
    }

    @Test
    void replaceOfUnknownIdIsEmpty() {
        assertThat(await(repository.replace(987_654_321L, SkillContent.of("Nothing", null, null), T1, VersionCheck.none()))).isEmpty();
    }

    @Test
    void deleteRemovesTheSkillAndFreesItsName() {
        Skill skill = await(repository.insert(SkillContent.of("Terraform", null, null), T0));

        assertThat(await(repository.delete(skill.id(), VersionCheck.none()))).isTrue();
        assertThat(await(repository.findById(skill.id()))).isEmpty();
        assertThat(await(repository.insert(SkillContent.of("terraform", null, null), T1)).id()).isNotEqualTo(skill.id());
    }

    @Test
    void deleteOfUnknownIdReportsFalse() {
        assertThat(await(repository.delete(987_654_321L, VersionCheck.none()))).isFalse();
    }

    @Test
    void cursorPagesWalkTheWholeCatalogueOnceInEveryOrder() {
        List<String> names = List.of("delta", "Alpha", "charlie", "Bravo", "echo", "foxtrot", "golf");
        for (int i = 0; i < names.size(); i++) {
            await(repository.insert(SkillContent.of(names.get(i), null, null), T0.plusSeconds(i % 3)));
        }
        for (SkillSort sort : SkillSort.values()) {
            for (SortDirection direction : SortDirection.values()) {
                SkillQuery everything = SkillQueries.firstPage().withLimit(100).sortedBy(sort, direction).query();
                List<Long> expected = ids(everything);
                List<Long> walked = new ArrayList<>();
                SkillQuery query = SkillQueries.firstPage().withLimit(2).sortedBy(sort, direction).query();
                for (int pages = 0; pages < 10; pages++) {
                    SkillPage page = await(repository.find(query));
                    page.skills().forEach(skill -> walked.add(skill.id()));
                    if (page.next().isEmpty()) {
                        break;
                    }
                    query = query.after(page.next().orElseThrow());
                }
                assertThat(walked).as("%s %s", sort, direction).containsExactlyElementsOf(expected).hasSize(7);
            }
        }
    }

    @Test
    void sortOrdersAreByNameIgnoringCaseByCreationTimeThenIdAndReversible() {
        Skill b = await(repository.insert(SkillContent.of("beta", null, null), T1));
        Skill a = await(repository.insert(SkillContent.of("Alpha", null, null), T1));
        Skill c = await(repository.insert(SkillContent.of("Charlie", null, null), T0));
        assertThat(ids(SkillQueries.firstPage().sortedBy(SkillSort.NAME, SortDirection.ASC).query())).containsExactly(a.id(), b.id(), c.id());
        assertThat(ids(SkillQueries.firstPage().sortedBy(SkillSort.NAME, SortDirection.DESC).query())).containsExactly(c.id(), b.id(), a.id());
        assertThat(ids(SkillQueries.firstPage().sortedBy(SkillSort.CREATED_AT, SortDirection.ASC).query())).containsExactly(c.id(), b.id(), a.id());
        assertThat(ids(SkillQueries.firstPage().sortedBy(SkillSort.CREATED_AT, SortDirection.DESC).query())).containsExactly(a.id(), b.id(), c.id());
        assertThat(ids(SkillQueries.firstPage().sortedBy(SkillSort.ID, SortDirection.DESC).query())).containsExactly(c.id(), a.id(), b.id());
    }

    @Test
    void cursorPageStaysStableWhenSkillsAreAddedBeforeIt() {
        IntStream.rangeClosed(1, 4).forEach(i -> await(repository.insert(SkillContent.of("s" + i, null, null), T0)));
        SkillPage first = await(repository.find(SkillQueries.firstPage().withLimit(2).sortedBy(SkillSort.NAME, SortDirection.ASC).query()));
        await(repository.insert(SkillContent.of("a-new-first", null, null), T1));

        SkillPage second = await(repository.find(SkillQueries.firstPage().withLimit(2).sortedBy(SkillSort.NAME, SortDirection.ASC)
                .after(first.next().orElseThrow()).query()));

        assertThat(second.skills()).extracting(Skill::name).containsExactly("s3", "s4");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void positionOfADeletedSkillStillMarksWhereTheNextPageStarts() {
        List<Skill> stored = IntStream.rangeClosed(1, 4).mapToObj(i -> await(repository.insert(SkillContent.of("s" + i, null, null), T0))).toList();
        await(repository.delete(stored.get(1).id(), VersionCheck.none()));

        SkillPage rest = await(repository.find(SkillQueries.firstPage().after(SkillPosition.of(stored.get(1))).query()));

        assertThat(rest.skills()).containsExactly(stored.get(2), stored.get(3));
    }

    @Test
    void categoryFilterMatchesExactlyAndNameFilterIsACaseInsensitiveSubstring() {
        Skill java = await(repository.insert(SkillContent.of("Java", "Backend", null), T0));
        Skill javaScript = await(repository.insert(SkillContent.of("JavaScript", "Frontend", null), T0));
        await(repository.insert(SkillContent.of("Kotlin", "Backend", null), T0));
        await(repository.insert(SkillContent.of("Ajax 100%_done", null, null), T0));

        assertThat(ids(SkillQueries.firstPage().nameContaining("JAVA").query())).containsExactly(java.id(), javaScript.id());
        assertThat(ids(SkillQueries.firstPage().nameContaining("ava").inCategory("Backend").query())).containsExactly(java.id());
        assertThat(ids(SkillQueries.firstPage().inCategory("backend").query())).isEmpty();
        assertThat(ids(SkillQueries.firstPage().nameContaining("script").query())).containsExactly(javaScript.id());
        assertThat(await(repository.find(SkillQueries.firstPage().nameContaining("%_").query())).skills()).extracting(Skill::name)
                .containsExactly("Ajax 100%_done");
        assertThat(ids(SkillQueries.firstPage().nameContaining("a%a").query())).isEmpty();
    }

    @Test
    void cursorPagingWorksWithFilters() {
        IntStream.rangeClosed(1, 5).forEach(i -> await(repository.insert(SkillContent.of("db" + i, i % 2 == 0 ? "Even" : "Odd", null), T0)));
        SkillQuery odd = SkillQueries.firstPage().withLimit(2).inCategory("Odd").nameContaining("DB").query();

        SkillPage first = await(repository.find(odd));
        SkillPage second = await(repository.find(odd.after(first.next().orElseThrow())));

        assertThat(first.skills()).extracting(Skill::name).containsExactly("db1", "db3");
        assertThat(second.skills()).extracting(Skill::name).containsExactly("db5");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void categoriesAreCountedAndSortedLeavingOutSkillsWithoutOne() {
        await(repository.insert(SkillContent.of("Java", "Backend", null), T0));
        await(repository.insert(SkillContent.of("Go", "Backend", null), T0));
        await(repository.insert(SkillContent.of("CSS", "Frontend", null), T0));
        await(repository.insert(SkillContent.of("Patience", null, null), T0));

        assertThat(await(repository.categories())).containsExactly(new CategoryCount("Backend", 2), new CategoryCount("Frontend", 1));
    }

    @Test
    void replaceWithAStaleVersionFailsAndChangesNothing() {
        Skill original = await(repository.insert(SkillContent.of("Vue", null, null), T0));
        Skill second = await(repository.replace(original.id(), SkillContent.of("Vue.js", null, null), T1, VersionCheck.exactly(1))).orElseThrow();

        assertThatThrownBy(() -> await(repository.replace(original.id(), SkillContent.of("VueJS", null, null), T1, VersionCheck.exactly(1))))
                .isInstanceOfSatisfying(StaleSkillVersion.class, stale -> assertThat(stale.currentVersion()).isEqualTo(2));
        assertThat(await(repository.findById(original.id()))).contains(second);
        assertThat(await(repository.replace(original.id(), SkillContent.of("VueJS", null, null), T1, VersionCheck.oneOf(List.of(1L, 2L)))))
                .get().extracting(Skill::version).isEqualTo(3L);
    }

    @Test
    void concurrentConditionalReplacesOfOneVersionLetExactlyOneWin() {
        Skill original = await(repository.insert(SkillContent.of("Svelte", null, null), T0));
        List<CompletableFuture<Optional<Skill>>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            attempts.add(repository.replace(original.id(), SkillContent.of("Svelte " + i, null, null), T1, VersionCheck.exactly(1))
                    .toCompletableFuture());
        }

        assertThat(attempts.stream().filter(attempt -> outcome(attempt) == null).count()).isEqualTo(1);
        assertThat(attempts.stream().filter(attempt -> outcome(attempt) instanceof StaleSkillVersion).count()).isEqualTo(11);
        assertThat(await(repository.findById(original.id())).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void modifyAppliesTheChangeToTheCurrentSkill() {
        Skill original = await(repository.insert(SkillContent.of("Deno", "Runtime", null), T0));

        Skill modified = await(repository.modify(original.id(), VersionCheck.exactly(1),
                current -> SkillContent.of(current.name(), current.category().orElse(null), "by " + current.version()), T1)).orElseThrow();

        assertThat(modified.content()).isEqualTo(SkillContent.of("Deno", "Runtime", "by 1"));
        assertThat(modified.version()).isEqualTo(2);
        assertThat(modified.updatedAt()).isEqualTo(T1);
    }

    @Test
    void modifyThatChangesNothingWritesNothing() {
        Skill original = await(repository.insert(SkillContent.of("Bun", null, null), T0));

        assertThat(await(repository.modify(original.id(), VersionCheck.none(), Skill::content, T1))).contains(original);
    }

    @Test
    void modifyChecksTheVersionAndPassesOnTheChangesFailure() {
        Skill original = await(repository.insert(SkillContent.of("Node", null, null), T0));

        assertThatThrownBy(() -> await(repository.modify(original.id(), VersionCheck.exactly(5), Skill::content, T1)))
                .isInstanceOf(StaleSkillVersion.class);
        assertThatThrownBy(() -> await(repository.modify(original.id(), VersionCheck.none(), current -> SkillContent.of("", null, null), T1)))
                .isInstanceOf(org.teamfinder.skills.domain.skill.InvalidSkill.class);
        assertThat(await(repository.modify(987_654_321L, VersionCheck.none(), Skill::content, T1))).isEmpty();
        assertThat(await(repository.findById(original.id()))).contains(original);
    }

    @Test
    void modifyToAnotherSkillsNameIsRejectedAsDuplicate() {
        await(repository.insert(SkillContent.of("Flask", null, null), T0));
        Skill other = await(repository.insert(SkillContent.of("Django", null, null), T0));

        assertThatThrownBy(() -> await(repository.modify(other.id(), VersionCheck.none(), current -> SkillContent.of("FLASK", null, null), T1)))
                .isInstanceOf(DuplicateSkillName.class).hasMessageContaining("FLASK");
    }

    @Test
    void concurrentModificationsOfDifferentFieldsAreAllKept() {
        Skill original = await(repository.insert(SkillContent.of("Elm", null, null), T0));
        List<CompletableFuture<Optional<Skill>>> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String mark = "m" + i;
            changes.add(repository.modify(original.id(), VersionCheck.none(), current -> SkillContent.of(current.name(), null,
                    current.description().orElse("") + mark + ";"), T1).toCompletableFuture());
        }
        changes.forEach(CompletableFuture::join);

        Skill last = await(repository.findById(original.id())).orElseThrow();
        assertThat(last.version()).isEqualTo(11);
        for (int i = 0; i < 10; i++) {
            assertThat(last.description().orElseThrow()).contains("m" + i + ";");
        }
    }

    @Test
    void deleteWithAStaleVersionFailsAndKeepsTheSkill() {
        Skill skill = await(repository.insert(SkillContent.of("Ansible", null, null), T0));

        assertThatThrownBy(() -> await(repository.delete(skill.id(), VersionCheck.exactly(7))))
                .isInstanceOf(StaleSkillVersion.class);
        assertThat(await(repository.findById(skill.id()))).contains(skill);
        assertThat(await(repository.delete(skill.id(), VersionCheck.exactly(1)))).isTrue();
    }

    @Test
    void insertOnceReturnsTheFirstSkillForARepeatedKeyAndContent() {
        IdempotencyKey key = new IdempotencyKey("client-a", "key-1");
        SkillContent content = SkillContent.of("Elixir", "Backend", null);

        Creation first = await(repository.insertOnce(key, content, T0, T0.minusSeconds(60)));
        await(repository.replace(first.skill().id(), SkillContent.of("Elixir 2", null, null), T1, VersionCheck.none()));
        Creation again = await(repository.insertOnce(key, content, T1, T1.minusSeconds(600)));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.skill()).isEqualTo(first.skill());
        assertThat(ids(SkillQueries.firstPage().query())).containsExactly(first.skill().id());
    }

    @Test
    void insertOnceRejectsAKeyReusedWithOtherContent() {
        IdempotencyKey key = new IdempotencyKey("client-a", "key-2");
        await(repository.insertOnce(key, SkillContent.of("Scala", null, null), T0, T0.minusSeconds(60)));

        assertThatThrownBy(() -> await(repository.insertOnce(key, SkillContent.of("Clojure", null, null), T0, T0.minusSeconds(60))))
                .isInstanceOf(IdempotencyKeyReused.class);
        assertThat(await(repository.find(SkillQueries.firstPage().query())).skills()).extracting(Skill::name).containsExactly("Scala");
    }

    @Test
    void expiredKeyIsFreeAgainAndCanBeForgotten() {
        IdempotencyKey key = new IdempotencyKey("client-a", "key-3");
        await(repository.insertOnce(key, SkillContent.of("Haskell", null, null), T0, T0.minusSeconds(60)));

        Creation later = await(repository.insertOnce(key, SkillContent.of("OCaml", null, null), T1, T0.plusSeconds(1)));

        assertThat(later.replayed()).isFalse();
        assertThat(later.skill().name()).isEqualTo("OCaml");
        assertThat(await(repository.forgetIdempotencyKeysBefore(T1))).isZero();
        assertThat(await(repository.forgetIdempotencyKeysBefore(T1.plusSeconds(1)))).isEqualTo(1);
    }

    @Test
    void theSameKeyOfTwoCallersNamesTwoRequests() {
        IdempotencyKey ours = new IdempotencyKey("client-a", "key-6");
        IdempotencyKey theirs = new IdempotencyKey("client-b", "key-6");

        Creation mine = await(repository.insertOnce(ours, SkillContent.of("Nim", null, null), T0, T0.minusSeconds(60)));
        Creation other = await(repository.insertOnce(theirs, SkillContent.of("Crystal", null, null), T0, T0.minusSeconds(60)));
        Creation mineAgain = await(repository.insertOnce(ours, SkillContent.of("Nim", null, null), T1, T0.minusSeconds(60)));

        assertThat(other.replayed()).isFalse();
        assertThat(other.skill().name()).isEqualTo("Crystal");
        assertThat(mineAgain.replayed()).isTrue();
        assertThat(mineAgain.skill()).isEqualTo(mine.skill());
    }

    @Test
    void failedInsertOnceLeavesTheKeyUnused() {
        await(repository.insert(SkillContent.of("Perl", null, null), T0));
        IdempotencyKey key = new IdempotencyKey("client-a", "key-4");

        assertThatThrownBy(() -> await(repository.insertOnce(key, SkillContent.of("PERL", null, null), T0, T0.minusSeconds(60))))
                .isInstanceOf(DuplicateSkillName.class);
        assertThat(await(repository.insertOnce(key, SkillContent.of("Raku", null, null), T0, T0.minusSeconds(60))).replayed()).isFalse();
    }

    @Test
    void concurrentInsertOnceWithOneKeyStoresOneSkill() {
        IdempotencyKey key = new IdempotencyKey("client-a", "key-5");
        List<CompletableFuture<Creation>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(repository.insertOnce(key, SkillContent.of("Zig", null, null), T0, T0.minusSeconds(60)).toCompletableFuture());
        }

        List<Creation> creations = attempts.stream().map(CompletableFuture::join).toList();

        assertThat(creations).filteredOn(creation -> !creation.replayed()).hasSize(1);
        assertThat(creations).extracting(creation -> creation.skill().id()).containsOnly(creations.get(0).skill().id());
        assertThat(ids(SkillQueries.firstPage().query())).hasSize(1);
    }

    @Test
    void insertAllStoresEveryItemInOrder() {
        List<SkillContent> contents = IntStream.rangeClosed(1, 50)
                .mapToObj(i -> SkillContent.of("Batch " + i, i % 2 == 0 ? "Even" : null, i % 3 == 0 ? "third" : null)).toList();

        List<Skill> stored = await(repository.insertAll(contents, T0));

        assertThat(stored).extracting(Skill::content).containsExactlyElementsOf(contents);
        assertThat(stored).extracting(Skill::id).isSorted().doesNotHaveDuplicates();
        assertThat(stored).allSatisfy(skill -> assertThat(skill.createdAt()).isEqualTo(T0));
        assertThat(await(repository.find(SkillQueries.firstPage().withLimit(100).query())).skills()).containsExactlyElementsOf(stored);
    }

    @Test
    void insertAllWithATakenNameStoresNothingAndNamesEveryTakenOne() {
        await(repository.insert(SkillContent.of("Lua", null, null), T0));
        await(repository.insert(SkillContent.of("Nim", null, null), T0));

        assertThatThrownBy(() -> await(repository.insertAll(List.of(SkillContent.of("Crystal", null, null),
                SkillContent.of("LUA", null, null), SkillContent.of("nim", null, null)), T0)))
                .isInstanceOfSatisfying(DuplicateSkillNames.class,
                        taken -> assertThat(taken.takenNames()).containsExactlyInAnyOrder("LUA", "nim"));
        assertThat(await(repository.find(SkillQueries.firstPage().query())).skills()).extracting(Skill::name).containsExactly("Lua", "Nim");
    }

    /** Waits for a stage in a test; rethrows a failure as the domain exception it holds. */
    // Names and aliases: one namespace, ignoring case

    @Test
    void aliasesAreStoredInTheOrderGivenAndFindTheSkill() {
        Skill javascript = await(repository.insert(content("JavaScript", "JS", "ECMAScript", "Джаваскрипт"), T0));

        assertThat(javascript.aliases()).containsExactly("JS", "ECMAScript", "Джаваскрипт");
        assertThat(await(repository.findById(javascript.id()))).contains(javascript);
        assertThat(await(repository.findByName("js"))).contains(javascript);
        assertThat(await(repository.findByName("джаваскрипт"))).contains(javascript);
        assertThat(await(repository.findByName("javascript"))).contains(javascript);
        assertThat(await(repository.findByName("java"))).isEmpty();
    }

    @Test
    void aNameOrAliasAnotherSkillHasIsRefusedNamingThatSkill() {
        Skill postgres = await(repository.insert(content("PostgreSQL", "Postgres"), T0));

        assertThatThrownBy(() -> await(repository.insert(SkillContent.of("POSTGRES", null, null), T0)))
                .isInstanceOfSatisfying(DuplicateSkillName.class, taken -> {
                    assertThat(taken.name()).isEqualTo("POSTGRES");
                    assertThat(taken.holder()).contains(postgres.id());
                });
        assertThatThrownBy(() -> await(repository.insert(content("MySQL", "postgresql"), T0)))
                .isInstanceOfSatisfying(DuplicateSkillName.class, taken -> assertThat(taken.holder()).contains(postgres.id()));
        Skill mysql = await(repository.insert(SkillContent.of("MySQL", null, null), T0));
        assertThatThrownBy(() -> await(repository.replace(mysql.id(), content("MySQL", "Postgres"), T1, VersionCheck.none())))
                .isInstanceOfSatisfying(DuplicateSkillName.class, taken -> assertThat(taken.holder()).contains(postgres.id()));
        assertThat(await(repository.findById(mysql.id()))).contains(mysql);
    }

    @Test
    void changingAliasesFreesTheOldOnesAndMayPromoteOneToTheName() {
        Skill skill = await(repository.insert(content("Kubernetes", "k8s", "Kube"), T0));

        Skill renamed = await(repository.replace(skill.id(), content("K8s", "Kubernetes"), T1, VersionCheck.none())).orElseThrow();

        assertThat(renamed.name()).isEqualTo("K8s");
        assertThat(renamed.aliases()).containsExactly("Kubernetes");
        assertThat(renamed.version()).isEqualTo(2);
        assertThat(await(repository.findByName("kube"))).isEmpty();
        assertThat(await(repository.insert(SkillContent.of("Kube", null, null), T1)).name()).isEqualTo("Kube");
    }

    @Test
    void aBatchRefusesNamesAndAliasesOthersHave() {
        await(repository.insert(content("Go", "Golang"), T0));

        assertThatThrownBy(() -> await(repository.insertAll(List.of(SkillContent.of("Rust", null, null), content("Zig", "golang")), T0)))
                .isInstanceOfSatisfying(DuplicateSkillNames.class, taken -> assertThat(taken.takenNames()).containsExactly("golang"));
        assertThat(await(repository.insertAll(List.of(content("Rust", "rust-lang"), content("Zig", "ziglang")), T0)))
                .extracting(Skill::aliases).containsExactly(List.of("rust-lang"), List.of("ziglang"));
    }

    // Merges

    @Test
    void aMergeMovesNamesPopularityAndIdIntoTheTarget() {
        Skill js = await(repository.insert(content("JS", "Vanilla JS"), T0));
        Skill javascript = await(repository.insert(content("JavaScript", "ECMAScript"), T0));
        await(repository.addUses(List.of(SkillUse.ofId(js.id(), 3), SkillUse.ofId(javascript.id(), 4))));

        Skill merged = await(repository.merge(js.id(), VersionCheck.exactly(1), javascript.id(), VersionCheck.exactly(1), T1));

        assertThat(merged.id()).isEqualTo(javascript.id());
        assertThat(merged.aliases()).containsExactly("ECMAScript", "JS", "Vanilla JS");
        assertThat(merged.popularity()).isEqualTo(7);
        assertThat(merged.version()).isEqualTo(2);
        assertThat(merged.updatedAt()).isEqualTo(T1);
        assertThat(merged.mergedFrom()).containsExactly(new MergedSkill(js.id(), "JS"));
        assertThat(await(repository.findById(js.id()))).isEmpty();
        assertThat(await(repository.findMergeTarget(js.id()))).contains(javascript.id());
        assertThat(await(repository.findByName("vanilla js"))).contains(merged);
        assertThat(await(repository.findById(javascript.id()))).contains(merged);
    }

    @Test
    void mergingOnLeadsEveryEarlierIdToTheLastTarget() {
        Skill a = await(repository.insert(SkillContent.of("Postgres", null, null), T0));
        Skill b = await(repository.insert(SkillContent.of("PostgreSQL", null, null), T0));
        Skill c = await(repository.insert(SkillContent.of("PostgreSQL 15", null, null), T0));

        await(repository.merge(a.id(), VersionCheck.none(), b.id(), VersionCheck.none(), T1));
        Skill last = await(repository.merge(b.id(), VersionCheck.none(), c.id(), VersionCheck.none(), T1));

        assertThat(last.aliases()).containsExactly("PostgreSQL", "Postgres");
        assertThat(await(repository.findMergeTarget(a.id()))).contains(c.id());
        assertThat(await(repository.findMergeTarget(b.id()))).contains(c.id());
        assertThat(await(repository.findMergeTarget(c.id()))).isEmpty();
    }

    @Test
    void aMergeChecksBothVersionsAndChangesNothingWhenEitherIsStale() {
        Skill source = await(repository.insert(SkillContent.of("Node", null, null), T0));
        Skill target = await(repository.insert(SkillContent.of("Node.js", null, null), T0));

        assertThatThrownBy(() -> await(repository.merge(source.id(), VersionCheck.exactly(2), target.id(), VersionCheck.none(), T1)))
                .isInstanceOfSatisfying(StaleSkillVersion.class, stale -> assertThat(stale.currentVersion()).isEqualTo(1));
        assertThatThrownBy(() -> await(repository.merge(source.id(), VersionCheck.none(), target.id(), VersionCheck.exactly(5), T1)))
                .isInstanceOf(StaleSkillVersion.class);

        assertThat(await(repository.findById(source.id()))).contains(source);
        assertThat(await(repository.findById(target.id()))).contains(target);
    }

    @Test
    void aMergeOfASkillThatIsGoneSaysWhere() {
        Skill source = await(repository.insert(SkillContent.of("Vue", null, null), T0));
        Skill target = await(repository.insert(SkillContent.of("Vue.js", null, null), T0));
        await(repository.merge(source.id(), VersionCheck.none(), target.id(), VersionCheck.none(), T1));

        assertThatThrownBy(() -> await(repository.merge(source.id(), VersionCheck.none(), target.id(), VersionCheck.none(), T1)))
                .isInstanceOfSatisfying(SkillMerged.class, merged -> assertThat(merged.into()).isEqualTo(target.id()));
        assertThatThrownBy(() -> await(repository.merge(target.id(), VersionCheck.none(), 987_654L, VersionCheck.none(), T1)))
                .isInstanceOf(SkillNotFound.class);
    }

    // Popularity

    @Test
    void usesAddUpByIdAndByNameOrAliasAndSortTheListing() {
        Skill python = await(repository.insert(content("Python", "Питон"), T0));
        Skill go = await(repository.insert(SkillContent.of("Go", null, null), T0));
        Skill rust = await(repository.insert(SkillContent.of("Rust", null, null), T0));

        await(repository.addUses(List.of(SkillUse.ofId(python.id(), 2), SkillUse.ofName("питон", 3), SkillUse.ofName("RUST", 1))));

        assertThat(await(repository.findById(python.id()))).map(Skill::popularity).contains(5L);
        assertThat(await(repository.findById(python.id()))).map(Skill::version).contains(1L);
        assertThat(ids(SkillQueries.firstPage().sortedBy(SkillSort.POPULARITY, SortDirection.DESC).query()))
                .containsExactly(python.id(), rust.id(), go.id());
        SkillPage first = await(repository.find(SkillQueries.firstPage().withLimit(2).sortedBy(SkillSort.POPULARITY, SortDirection.DESC).query()));
        assertThat(ids(SkillQueries.firstPage().withLimit(2).sortedBy(SkillSort.POPULARITY, SortDirection.DESC)
                .after(first.next().orElseThrow()).query())).containsExactly(go.id());
    }

    @Test
    void usesOfUnknownSkillsCountNothing() {
        Skill python = await(repository.insert(SkillContent.of("Python", null, null), T0));

        assertThatThrownBy(() -> await(repository.addUses(List.of(SkillUse.ofId(python.id(), 1), SkillUse.ofName("Cobol", 1),
                SkillUse.ofId(987_654L, 1)))))
                .isInstanceOfSatisfying(UnknownSkills.class, unknown -> assertThat(unknown.problems()).extracting(FieldProblem::field)
                        .containsExactly("uses[1].name", "uses[2].skill"));
        assertThat(await(repository.findById(python.id()))).map(Skill::popularity).contains(0L);
    }

    // The typeahead

    @Test
    void suggestionsComeExactThenPrefixThenWordThenTypoEachByPopularityThenName() {
        Skill java = await(repository.insert(SkillContent.of("Java", null, null), T0));
        Skill javascript = await(repository.insert(content("JavaScript", "JS"), T0));
        Skill javaFx = await(repository.insert(SkillContent.of("JavaFX", null, null), T0));
        Skill coffee = await(repository.insert(SkillContent.of("Coffee Java", null, null), T0));
        await(repository.insert(SkillContent.of("Kotlin", null, null), T0));
        await(repository.addUses(List.of(SkillUse.ofId(javaFx.id(), 1), SkillUse.ofId(javascript.id(), 5))));

        List<Suggestion> hits = await(repository.suggest(new SuggestQuery("java", 10, Optional.empty())));

        assertThat(hits).extracting(Suggestion::id).containsExactly(java.id(), javascript.id(), javaFx.id(), coffee.id());
        assertThat(hits).extracting(Suggestion::match).containsExactly(Suggestion.Match.EXACT, Suggestion.Match.PREFIX,
                Suggestion.Match.PREFIX, Suggestion.Match.WORD);
        assertThat(hits.get(1)).isEqualTo(new Suggestion(javascript.id(), "JavaScript", Optional.empty(), 5, "JavaScript", false,
                Suggestion.Match.PREFIX));
    }

    @Test
    void aliasesSuggestTheirSkillOnceSayingWhichMatched() {
        Skill kubernetes = await(repository.insert(content("Kubernetes", "K8s", "Кубер", "Kube"), T0));

        assertThat(await(repository.suggest(new SuggestQuery("kub", 10, Optional.empty()))))
                .containsExactly(new Suggestion(kubernetes.id(), "Kubernetes", Optional.empty(), 0, "Kube", true, Suggestion.Match.PREFIX));
        assertThat(await(repository.suggest(new SuggestQuery("КУБ", 10, Optional.empty()))))
                .extracting(Suggestion::matched, Suggestion::alias).containsExactly(org.assertj.core.groups.Tuple.tuple("Кубер", true));
        assertThat(await(repository.suggest(new SuggestQuery("k8s", 10, Optional.empty())))).extracting(Suggestion::match)
                .containsExactly(Suggestion.Match.EXACT);
    }

    @Test
    void nearMissesAreFoundWithinTheTyposTheLengthAllows() {
        Skill python = await(repository.insert(content("Python", "Питон"), T0));
        Skill postgres = await(repository.insert(content("PostgreSQL", "Postgres"), T0));

        assertThat(await(repository.suggest(new SuggestQuery("Pyhton", 10, Optional.empty()))))
                .extracting(Suggestion::id, Suggestion::match).containsExactly(org.assertj.core.groups.Tuple.tuple(python.id(), Suggestion.Match.TYPO));
        assertThat(await(repository.suggest(new SuggestQuery("Pytn", 10, Optional.empty())))).as("4 characters allow no typo").isEmpty();
        assertThat(await(repository.suggest(new SuggestQuery("PostgerSLQ", 10, Optional.empty()))))
                .extracting(Suggestion::id).as("two typos from 9 characters").containsExactly(postgres.id());
        assertThat(await(repository.suggest(new SuggestQuery("Пиотн", 10, Optional.empty())))).extracting(Suggestion::matched)
                .containsExactly("Питон");
    }

    @Test
    void suggestionsHonourTheCategoryAndTheLimit() {
        await(repository.insert(SkillContent.of("Spring Boot", "Backend", null), T0));
        await(repository.insert(SkillContent.of("Spring Framework", "Backend", null), T0));
        await(repository.insert(SkillContent.of("Spring Animation", "Frontend", null), T0));

        assertThat(await(repository.suggest(new SuggestQuery("spring", 10, Optional.of("Frontend"))))).extracting(Suggestion::name)
                .containsExactly("Spring Animation");
        assertThat(await(repository.suggest(new SuggestQuery("spring", 2, Optional.empty())))).hasSize(2);
        assertThat(await(repository.suggest(new SuggestQuery("boot", 10, Optional.empty())))).extracting(Suggestion::name, Suggestion::match)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Spring Boot", Suggestion.Match.WORD));
    }

    // Vocabularies

    @Test
    void aVocabularyLoadsOnceAndNeverChangesSkillsThatExist() {
        Skill curated = await(repository.insert(SkillContent.of("Python", "Languages", "Curated"), T0));
        List<VocabularyEntry> vocabulary = List.of(
                entry("starter", "Python", "en", content("Python", "Py")),
                entry("starter", "Kotlin", "en", content("Kotlin", "KT")),
                entry("starter", "Go", "en", content("Go", "Golang")));

        VocabularyTally first = await(repository.loadVocabulary(vocabulary, T0));
        VocabularyTally again = await(repository.loadVocabulary(vocabulary, T1));

        assertThat(first).isEqualTo(new VocabularyTally(2, 0, 0, 1));
        assertThat(again).isEqualTo(new VocabularyTally(0, 0, 3, 0));
        assertThat(await(repository.findById(curated.id()))).contains(curated);
        assertThat(await(repository.findByName("golang"))).map(Skill::name).contains("Go");
        assertThat(ids(SkillQueries.firstPage().query())).hasSize(3);
    }

    @Test
    void aConceptInAnotherLanguageAddsItsLabelsAsAliases() {
        await(repository.loadVocabulary(List.of(entry("esco", "http://data.europa.eu/esco/skill/1", "en", content("teamwork", "team work"))), T0));

        VocabularyTally russian = await(repository.loadVocabulary(List.of(
                entry("esco", "http://data.europa.eu/esco/skill/1", "ru", content("работа в команде", "командная работа"))), T1));

        assertThat(russian).isEqualTo(new VocabularyTally(0, 2, 0, 0));
        Skill teamwork = await(repository.findByName("работа в команде")).orElseThrow();
        assertThat(teamwork.name()).isEqualTo("teamwork");
        assertThat(teamwork.aliases()).containsExactly("team work", "работа в команде", "командная работа");
    }

    private static SkillContent content(String name, String... aliases) {
        return new SkillContent(name, Optional.empty(), Optional.empty(), List.of(aliases));
    }

    private static VocabularyEntry entry(String source, String key, String language, SkillContent content) {
        return new VocabularyEntry(source, key, language, content);
    }

    private static SkillQuery pageOfThree(long offset) {
        return SkillQueries.firstPage().withLimit(3).withOffset(offset).query();
    }


    private List<Long> ids(SkillQuery query) {
        return await(repository.find(query)).skills().stream().map(Skill::id).toList();
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
