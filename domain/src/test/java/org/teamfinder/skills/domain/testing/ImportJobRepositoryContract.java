package org.teamfinder.skills.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.imports.ClaimedPage;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.imports.ImportState;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.imports.PageImport;
import org.teamfinder.skills.domain.imports.PageResult;
import org.teamfinder.skills.domain.imports.PageState;
import org.teamfinder.skills.domain.imports.PageTally;
import org.teamfinder.skills.domain.imports.Validators;
import org.teamfinder.skills.domain.imports.WorkRequest;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/**
 * What every {@link ImportJobRepository} must do: jobs kept with their pages in order, claims within the
 * total and per-host limits that never overlap and run out with their lease, pages recorded once by the
 * runner that holds them with only the missing skills created. Run against the in-memory fake and against
 * PostgreSQL; a subclass starts each test from an empty store.
 */
public abstract class ImportJobRepositoryContract {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    /** The repository under test, empty. */
    protected abstract ImportJobRepository jobs();

    /** Where the repository saves the skills it finds. */
    protected abstract SkillRepository skills();

    @Test
    void aNewJobIsQueuedWithItsPagesInTheOrderGiven() {
        ImportJob created = create("Web", "https://a.example/1", "https://b.example/2", "https://a.example/3");

        ImportJob found = jobs().find(created.id()).toCompletableFuture().join().orElseThrow();

        assertThat(found.state()).isEqualTo(ImportState.QUEUED);
        assertThat(found.category()).contains("Web");
        assertThat(found.createdAt()).isEqualTo(NOW);
        assertThat(found.pages()).extracting(page -> page.address().toString())
                .containsExactly("https://a.example/1", "https://b.example/2", "https://a.example/3");
        assertThat(found.progress().pagesTotal()).isEqualTo(3);
        assertThat(found.progress().pagesDone()).isZero();
    }

    @Test
    void anUnknownJobIsEmpty() {
        assertThat(jobs().find(UUID.randomUUID()).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void claimingHonoursTheTotalAndThePerHostLimitCountingPagesInFlight() {
        ImportJob job = create(null, "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4",
                "https://b.example/1", "https://b.example/2", "https://c.example/1");

        List<ClaimedPage> first = claim("runner-1", 10, 2, Map.of("b.example", 1));

        assertThat(first).extracting(page -> page.address().toString())
                .containsExactly("https://a.example/1", "https://a.example/2", "https://b.example/1", "https://c.example/1");
        assertThat(first).allSatisfy(page -> assertThat(page.attempt()).isEqualTo(1));
        assertThat(claim("runner-1", 1, 2, Map.of())).extracting(page -> page.address().toString())
                .containsExactly("https://a.example/3");
        assertThat(stateOf(job)).isEqualTo(ImportState.RUNNING);
    }

    @Test
    void concurrentRunnersNeverClaimTheSamePage() {
        create(null, IntStream.range(0, 200).mapToObj(i -> "https://h" + (i % 7) + ".example/" + i).toArray(String[]::new));
        List<CompletableFuture<List<ClaimedPage>>> claims = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            for (int runner = 0; runner < 4; runner++) {
                claims.add(jobs().claim(new WorkRequest("runner-" + runner, 3, 50, Map.of(), LEASE)).toCompletableFuture());
            }
        }

        List<Long> claimed = claims.stream().flatMap(claim -> claim.join().stream()).map(ClaimedPage::pageId).toList();

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void aPageWhoseLeaseRanOutIsClaimedAgainAndItsFormerHolderCanNoLongerRecordIt() throws InterruptedException {
        create(null, "https://a.example/1");
        ClaimedPage lost = jobs().claim(new WorkRequest("crashed", 5, 5, Map.of(), Duration.ofMillis(200))).toCompletableFuture().join().get(0);
        assertThat(claim("other", 5, 5, Map.of())).isEmpty();

        Thread.sleep(400);
        ClaimedPage again = claim("other", 5, 5, Map.of()).get(0);

        assertThat(again.pageId()).isEqualTo(lost.pageId());
        assertThat(again.attempt()).isEqualTo(2);
        assertThat(record(lost, PageResult.fetched(200, contents("Java")))).isEmpty();
        assertThat(record(again, PageResult.fetched(200, contents("Kotlin")))).contains(new PageTally(1, 1, 0));
        assertThat(skillNames()).containsExactly("Kotlin");
    }

    @Test
    void recordingSavesOnlyTheNamesTheCatalogueLacksAndCountsTheRest() {
        skills().insert(SkillContent.of("java", null, null), NOW).toCompletableFuture().join();
        ImportJob job = create("Backend", "https://a.example/1", "https://a.example/2");
        List<ClaimedPage> pages = claim("runner", 5, 5, Map.of());

        assertThat(record(pages.get(0), PageResult.fetched(200, contents("Java", "Kotlin", "SQL")))).contains(new PageTally(3, 2, 1));
        assertThat(record(pages.get(1), PageResult.fetched(200, contents("Kotlin", "SQL")))).contains(new PageTally(2, 0, 2));

        assertThat(skillNames()).containsExactlyInAnyOrder("java", "Kotlin", "SQL");
        ImportJob finished = jobs().find(job.id()).toCompletableFuture().join().orElseThrow();
        assertThat(finished.state()).isEqualTo(ImportState.FINISHED);
        assertThat(finished.finishedAt()).contains(NOW.plusSeconds(1));
        assertThat(finished.progress().skillsFound()).isEqualTo(5);
        assertThat(finished.progress().skillsCreated()).isEqualTo(2);
        assertThat(finished.progress().skillsAlreadyPresent()).isEqualTo(3);
        PageImport first = finished.pages().get(0);
        assertThat(first.state()).isEqualTo(PageState.DONE);
        assertThat(first.httpStatus()).contains(200);
        assertThat(skillNamesIn("Backend")).containsExactlyInAnyOrder("Kotlin", "SQL");
    }

    @Test
    void aNameThatIsAnAliasCountsItsSkillAsPresentAndEveryNamedSkillIsUsedOnceMore() {
        Skill javascript = skills().insert(new SkillContent("JavaScript", Optional.empty(), Optional.empty(), List.of("JS")), NOW)
                .toCompletableFuture().join();
        create(null, "https://a.example/1", "https://a.example/2");
        List<ClaimedPage> pages = claim("runner", 5, 5, Map.of());

        assertThat(record(pages.get(0), PageResult.fetched(200, contents("js", "Rust")))).contains(new PageTally(2, 1, 1));
        assertThat(record(pages.get(1), PageResult.fetched(200, contents("JavaScript", "RUST")))).contains(new PageTally(2, 0, 2));

        assertThat(skillNames()).containsExactlyInAnyOrder("JavaScript", "Rust");
        assertThat(allSkills()).extracting(Skill::name, Skill::popularity)
                .containsExactlyInAnyOrder(tuple("JavaScript", 2L), tuple("Rust", 2L));
        assertThat(skills().findById(javascript.id()).toCompletableFuture().join()).map(Skill::version).contains(1L);
    }

    @Test
    void aFailedPageKeepsItsReasonAndStatus() {
        ImportJob job = create(null, "https://a.example/gone");
        ClaimedPage page = claim("runner", 1, 1, Map.of()).get(0);

        assertThat(record(page, PageResult.failed(Optional.of(404), "the server answered 404 Not Found"))).contains(new PageTally(0, 0, 0));

        ImportJob finished = jobs().find(job.id()).toCompletableFuture().join().orElseThrow();
        assertThat(finished.progress().pagesFailed()).isEqualTo(1);
        assertThat(finished.pages().get(0).error()).contains("the server answered 404 Not Found");
        assertThat(finished.pages().get(0).httpStatus()).contains(404);
        assertThat(finished.state()).isEqualTo(ImportState.FINISHED);
    }

    @Test
    void overlappingPagesRecordedAtOnceCreateEachNameOnce() {
        create(null, IntStream.range(0, 20).mapToObj(i -> "https://h" + i + ".example/").toArray(String[]::new));
        List<ClaimedPage> pages = claim("runner", 20, 1, Map.of());
        List<SkillContent> same = contents("Go", "Rust", "Zig", "Elixir", "Haskell");

        List<PageTally> tallies = pages.stream()
                .map(page -> jobs().record(page, PageResult.fetched(200, same), NOW).toCompletableFuture())
                .toList().stream().map(tally -> tally.join().orElseThrow()).toList();

        assertThat(tallies.stream().mapToInt(PageTally::created).sum()).isEqualTo(5);
        assertThat(skillNames()).hasSize(5);
    }

    @Test
    void releasedPagesArePendingAgainWithoutCountingAnAttempt() {
        ImportJob job = create(null, "https://a.example/1", "https://a.example/2");
        List<ClaimedPage> pages = claim("stopping", 5, 5, Map.of());

        jobs().release("someone-else", List.of(pages.get(0).pageId())).toCompletableFuture().join();
        assertThat(claim("other", 5, 5, Map.of())).isEmpty();
        jobs().release("stopping", pages.stream().map(ClaimedPage::pageId).toList()).toCompletableFuture().join();

        List<ClaimedPage> again = claim("other", 5, 5, Map.of());
        assertThat(again).hasSize(2).allSatisfy(page -> assertThat(page.attempt()).isEqualTo(1));
        assertThat(stateOf(job)).isEqualTo(ImportState.RUNNING);
    }

    @Test
    void mentionedSkillsAreCountedAndUnknownSuggestedNamesWaitOnTheJobForACurator() {
        Skill react = skills().insert(SkillContent.of("React", null, null), NOW).toCompletableFuture().join();
        ImportJob job = create("Web", "https://a.example/1", "https://a.example/2");
        List<ClaimedPage> pages = claim("runner", 5, 5, Map.of());

        assertThat(record(pages.get(0), PageResult.read(200, contents("Kotlin"), List.of("React"), List.of("Svelte", "react", "Solid"),
                Validators.NONE))).contains(new PageTally(2, 1, 1));
        assertThat(record(pages.get(1), PageResult.read(200, List.of(), List.of("React", "Kotlin"), List.of("svelte"), Validators.NONE)))
                .contains(new PageTally(2, 0, 2));

        assertThat(skillNames()).containsExactlyInAnyOrder("React", "Kotlin");
        assertThat(skills().findById(react.id()).toCompletableFuture().join()).map(Skill::popularity).contains(2L);
        ImportJob found = jobs().find(job.id()).toCompletableFuture().join().orElseThrow();
        assertThat(found.suggestions()).extracting(ImportSuggestion::name, ImportSuggestion::pages, ImportSuggestion::state)
                .containsExactly(tuple("Svelte", 2, ImportSuggestion.State.OPEN),
                        tuple("Solid", 1, ImportSuggestion.State.OPEN));
    }

    @Test
    void aDecisionOnASuggestionIsTakenOnce() {
        ImportJob job = create(null, "https://a.example/1");
        record(claim("runner", 1, 1, Map.of()).get(0), PageResult.read(200, List.of(), List.of(), List.of("Svelte", "Solid"), Validators.NONE));

        Optional<ImportSuggestion> accepted = jobs().decide(job.id(), SkillContent.keyOf("Svelte"), ImportSuggestion.State.ACCEPTED,
                Optional.of(42L), NOW).toCompletableFuture().join();
        Optional<ImportSuggestion> again = jobs().decide(job.id(), SkillContent.keyOf("Svelte"), ImportSuggestion.State.DISMISSED,
                Optional.empty(), NOW).toCompletableFuture().join();
        Optional<ImportSuggestion> unknown = jobs().decide(job.id(), SkillContent.keyOf("Vue"), ImportSuggestion.State.DISMISSED,
                Optional.empty(), NOW).toCompletableFuture().join();

        assertThat(accepted).contains(new ImportSuggestion("Svelte", 1, ImportSuggestion.State.ACCEPTED, Optional.of(42L)));
        assertThat(again).isEqualTo(accepted);
        assertThat(unknown).isEmpty();
    }

    @Test
    void aCancelledJobsPendingPagesAreNeverClaimedAndItsPagesInFlightFinish() {
        ImportJob job = create(null, "https://a.example/1", "https://a.example/2", "https://a.example/3");
        ClaimedPage inFlight = claim("runner", 1, 1, Map.of()).get(0);

        ImportJob cancelled = jobs().cancel(job.id(), NOW).toCompletableFuture().join().orElseThrow();
        ImportJob again = jobs().cancel(job.id(), NOW.plusSeconds(5)).toCompletableFuture().join().orElseThrow();

        assertThat(cancelled.cancelledAt()).contains(NOW);
        assertThat(again.cancelledAt()).as("cancelled once").contains(NOW);
        assertThat(cancelled.pages()).extracting(PageImport::state).containsExactly(PageState.FETCHING, PageState.CANCELLED, PageState.CANCELLED);
        assertThat(cancelled.state()).isEqualTo(ImportState.RUNNING);
        assertThat(claim("other", 5, 5, Map.of())).isEmpty();
        assertThat(record(inFlight, PageResult.fetched(200, contents("Go")))).contains(new PageTally(1, 1, 0));
        assertThat(stateOf(job)).isEqualTo(ImportState.CANCELLED);
        assertThat(jobs().cancel(UUID.randomUUID(), NOW).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void theValidatorsAPageWasServedWithComeWithItsNextClaimAndAnUnchangedPageIsRecordedAsSuch() {
        create(null, "https://a.example/versioned");
        Validators served = new Validators(Optional.of("\"v1\""), Optional.of("Mon, 02 Nov 2026 10:00:00 GMT"));
        record(claim("runner", 1, 1, Map.of()).get(0), PageResult.read(200, contents("Go"), List.of(), List.of(), served));
        ImportJob second = create(null, "https://a.example/versioned");

        ClaimedPage again = claim("runner", 1, 1, Map.of()).get(0);
        record(again, PageResult.unchanged(again.previous()));

        assertThat(again.previous()).isEqualTo(served);
        PageImport page = jobs().find(second.id()).toCompletableFuture().join().orElseThrow().pages().get(0);
        assertThat(page.unchanged()).isTrue();
        assertThat(page.httpStatus()).contains(304);
        assertThat(page.skillsFound()).isZero();
    }

    private ImportJob create(String category, String... urls) {
        return jobs().create(ImportRequest.of(List.of(urls), category), NOW).toCompletableFuture().join();
    }

    private List<ClaimedPage> claim(String runner, int pages, int perHost, Map<String, Integer> busy) {
        return jobs().claim(new WorkRequest(runner, pages, perHost, busy, LEASE)).toCompletableFuture().join();
    }

    private Optional<PageTally> record(ClaimedPage page, PageResult result) {
        return jobs().record(page, result, NOW.plusSeconds(1)).toCompletableFuture().join();
    }

    private ImportState stateOf(ImportJob job) {
        return jobs().find(job.id()).toCompletableFuture().join().orElseThrow().state();
    }

    private static List<SkillContent> contents(String... names) {
        return Arrays.stream(names).map(name -> SkillContent.of(name, null, null)).toList();
    }

    private Set<String> skillNames() {
        return allSkills().stream().map(Skill::name).collect(Collectors.toSet());
    }

    private Set<String> skillNamesIn(String category) {
        return allSkills().stream().filter(skill -> skill.category().equals(Optional.of(category))).map(Skill::name)
                .collect(Collectors.toSet());
    }

    private List<Skill> allSkills() {
        return skills().find(SkillQueries.firstPage().withLimit(100).query()).toCompletableFuture().join().skills();
    }
}
