package org.teamfinder.skills.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.model.ClaimedPage;
import org.teamfinder.skills.domain.model.ImportJob;
import org.teamfinder.skills.domain.model.ImportRequest;
import org.teamfinder.skills.domain.model.ImportState;
import org.teamfinder.skills.domain.model.PageImport;
import org.teamfinder.skills.domain.model.PageResult;
import org.teamfinder.skills.domain.model.PageState;
import org.teamfinder.skills.domain.model.PageTally;
import org.teamfinder.skills.domain.model.SkillContent;
import org.teamfinder.skills.domain.model.WorkRequest;
import org.teamfinder.skills.domain.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.port.out.SkillRepository;
import org.teamfinder.skills.persistence.testing.TestDatabase;

/** Import jobs on PostgreSQL: claiming with leases and SKIP LOCKED, recording pages in one transaction. */
class R2dbcImportJobRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private static TestDatabase database;
    private static ApplicationContext context;
    private static ImportJobRepository jobs;
    private static SkillRepository skills;

    @BeforeAll
    static void startContext() {
        database = TestDatabase.create();
        context = ApplicationContext.run(database.micronautProperties());
        jobs = context.getBean(ImportJobRepository.class);
        skills = context.getBean(SkillRepository.class);
    }

    @AfterAll
    static void stopContext() {
        context.close();
        database.close();
    }

    @BeforeEach
    void empty() {
        database.truncate();
    }

    @Test
    void aNewJobIsQueuedWithItsPagesInTheOrderGiven() {
        ImportJob created = create("Web", "https://a.example/1", "https://b.example/2", "https://a.example/3");

        ImportJob found = jobs.find(created.id()).toCompletableFuture().join().orElseThrow();

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
        assertThat(jobs.find(java.util.UUID.randomUUID()).toCompletableFuture().join()).isEmpty();
    }

    @Test
    void claimingHonoursTheTotalAndThePerHostLimitCountingPagesInFlight() {
        create(null, "https://a.example/1", "https://a.example/2", "https://a.example/3", "https://a.example/4",
                "https://b.example/1", "https://b.example/2", "https://c.example/1");

        List<ClaimedPage> first = claim("runner-1", 10, 2, Map.of("b.example", 1));

        assertThat(first).extracting(page -> page.address().toString())
                .containsExactly("https://a.example/1", "https://a.example/2", "https://b.example/1", "https://c.example/1");
        assertThat(first).allSatisfy(page -> assertThat(page.attempt()).isEqualTo(1));
        assertThat(claim("runner-1", 1, 2, Map.of())).extracting(page -> page.address().toString())
                .containsExactly("https://a.example/3");
        assertThat(jobState()).isEqualTo(ImportState.RUNNING);
    }

    @Test
    void concurrentRunnersNeverClaimTheSamePage() {
        create(null, IntStream.range(0, 200).mapToObj(i -> "https://h" + (i % 7) + ".example/" + i).toArray(String[]::new));
        List<CompletableFuture<List<ClaimedPage>>> claims = new ArrayList<>();
        for (int round = 0; round < 25; round++) {
            for (int runner = 0; runner < 4; runner++) {
                claims.add(jobs.claim(new WorkRequest("runner-" + runner, 3, 50, Map.of(), LEASE)).toCompletableFuture());
            }
        }

        List<Long> claimed = claims.stream().flatMap(claim -> claim.join().stream()).map(ClaimedPage::pageId).toList();

        assertThat(claimed).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void aPageWhoseLeaseRanOutIsClaimedAgainAndItsFormerHolderCanNoLongerRecordIt() throws InterruptedException {
        create(null, "https://a.example/1");
        ClaimedPage lost = jobs.claim(new WorkRequest("crashed", 5, 5, Map.of(), Duration.ofMillis(200))).toCompletableFuture().join().get(0);
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
        skills.insert(SkillContent.of("java", null, null), NOW).toCompletableFuture().join();
        ImportJob job = create("Backend", "https://a.example/1", "https://a.example/2");
        List<ClaimedPage> pages = claim("runner", 5, 5, Map.of());

        assertThat(record(pages.get(0), PageResult.fetched(200, contents("Java", "Kotlin", "SQL")))).contains(new PageTally(3, 2, 1));
        assertThat(record(pages.get(1), PageResult.fetched(200, contents("Kotlin", "SQL")))).contains(new PageTally(2, 0, 2));

        assertThat(skillNames()).containsExactlyInAnyOrder("java", "Kotlin", "SQL");
        ImportJob finished = jobs.find(job.id()).toCompletableFuture().join().orElseThrow();
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
    void aFailedPageKeepsItsReasonAndStatus() {
        ImportJob job = create(null, "https://a.example/gone");
        ClaimedPage page = claim("runner", 1, 1, Map.of()).get(0);

        assertThat(record(page, PageResult.failed(Optional.of(404), "the server answered 404 Not Found"))).contains(new PageTally(0, 0, 0));

        ImportJob finished = jobs.find(job.id()).toCompletableFuture().join().orElseThrow();
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
                .map(page -> jobs.record(page, PageResult.fetched(200, same), NOW).toCompletableFuture())
                .toList().stream().map(tally -> tally.join().orElseThrow()).toList();

        assertThat(tallies.stream().mapToInt(PageTally::created).sum()).isEqualTo(5);
        assertThat(skillNames()).hasSize(5);
    }

    @Test
    void releasedPagesArePendingAgainWithoutCountingAnAttempt() {
        create(null, "https://a.example/1", "https://a.example/2");
        List<ClaimedPage> pages = claim("stopping", 5, 5, Map.of());

        jobs.release("someone-else", List.of(pages.get(0).pageId())).toCompletableFuture().join();
        assertThat(claim("other", 5, 5, Map.of())).isEmpty();
        jobs.release("stopping", pages.stream().map(ClaimedPage::pageId).toList()).toCompletableFuture().join();

        List<ClaimedPage> again = claim("other", 5, 5, Map.of());
        assertThat(again).hasSize(2).allSatisfy(page -> assertThat(page.attempt()).isEqualTo(1));
        assertThat(jobState()).isEqualTo(ImportState.RUNNING);
    }

    private static ImportJob create(String category, String... urls) {
        return jobs.create(ImportRequest.of(List.of(urls), category), NOW).toCompletableFuture().join();
    }

    private static List<ClaimedPage> claim(String runner, int pages, int perHost, Map<String, Integer> busy) {
        return jobs.claim(new WorkRequest(runner, pages, perHost, busy, LEASE)).toCompletableFuture().join();
    }

    private static Optional<PageTally> record(ClaimedPage page, PageResult result) {
        return jobs.record(page, result, NOW.plusSeconds(1)).toCompletableFuture().join();
    }

    private static List<SkillContent> contents(String... names) {
        return java.util.Arrays.stream(names).map(name -> SkillContent.of(name, null, null)).toList();
    }

    private static Set<String> skillNames() {
        return query("SELECT name FROM skill");
    }

    private static Set<String> skillNamesIn(String category) {
        return query("SELECT name FROM skill WHERE category = '" + category + "'");
    }

    private static Set<String> query(String sql) {
        Set<String> names = new HashSet<>();
        try (var connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static ImportState jobState() {
        try (var connection = database.connect(); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT id FROM import_job")) {
            rows.next();
            return jobs.find(rows.getObject(1, java.util.UUID.class)).toCompletableFuture().join().orElseThrow().state();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

}
