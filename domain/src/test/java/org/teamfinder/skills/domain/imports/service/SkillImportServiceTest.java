package org.teamfinder.skills.domain.imports.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;
import org.teamfinder.skills.domain.imports.ClaimedPage;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportJobNotFound;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.imports.ImportedPage;
import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.PageResult;
import org.teamfinder.skills.domain.imports.PageTally;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.imports.WorkRequest;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.testing.InMemorySkillRepository;
import org.teamfinder.skills.domain.imports.port.out.KnownSkillNames;
import org.teamfinder.skills.domain.imports.CandidateSource;
import org.teamfinder.skills.domain.imports.SkillCandidate;

class SkillImportServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    private final RecordingJobs jobs = new RecordingJobs();
    private final List<PageAddress> fetched = new ArrayList<>();
    private CompletionStage<WebPage> nextPage;
    private final SkillImportService service = new SkillImportService(jobs, (address, previous) -> {
        fetched.add(address);
        return nextPage;
    }, page -> CompletableFuture.completedFuture(Arrays.stream(new String(page.body(), StandardCharsets.UTF_8).split("\\|"))
            .map(text -> new SkillCandidate(text, CandidateSource.SKILLS_LIST)).toList()),
            KnownSkillNames.of(Map.of()), new InMemorySkillRepository(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aFetchedPageIsSavedWithItsNormalisedSkillsInTheJobsCategory() {
        nextPage = CompletableFuture.completedFuture(page(" Java |java|Kotlin (JVM)|3 years of experience"));

        Optional<ImportedPage> imported = service.process(claimed(1, Optional.of("Backend"))).toCompletableFuture().join();

        assertThat(imported).isPresent();
        assertThat(jobs.recorded).singleElement().satisfies(result -> {
            assertThat(result.httpStatus()).contains(200);
            assertThat(result.skills()).containsExactly(SkillContent.of("Java", "Backend", null), SkillContent.of("Kotlin", "Backend", null));
        });
    }

    @Test
    void aFetchFailureIsThePagesOutcomeNotAnError() {
        nextPage = CompletableFuture.failedFuture(new PageFetchFailed("the server answered 404 Not Found", 404));

        service.process(claimed(1, Optional.empty())).toCompletableFuture().join();

        assertThat(jobs.recorded).singleElement()
                .isEqualTo(PageResult.failed(Optional.of(404), "the server answered 404 Not Found"));
    }

    @Test
    void anUnexpectedErrorOfAnAdapterIsRecordedAsAFailureToo() {
        nextPage = CompletableFuture.failedFuture(new IllegalStateException("bug"));

        service.process(claimed(1, Optional.empty())).toCompletableFuture().join();

        assertThat(jobs.recorded).singleElement().extracting(PageResult::error)
                .isEqualTo(Optional.of("the page could not be imported: unexpected IllegalStateException"));
    }

    @Test
    void aPageClaimedMoreThanThreeTimesIsGivenUpWithoutFetchingIt() {
        service.process(claimed(4, Optional.empty())).toCompletableFuture().join();

        assertThat(fetched).isEmpty();
        assertThat(jobs.recorded).singleElement().extracting(PageResult::error)
                .isEqualTo(Optional.of("gave up after 3 attempts: the service stopped each time while importing this page"));
    }

    @Test
    void anUnknownJobFailsWithImportJobNotFound() {
        assertThat(service.find(UUID.randomUUID()).toCompletableFuture()).failsWithin(java.time.Duration.ofSeconds(1))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).withCauseInstanceOf(ImportJobNotFound.class);
    }

    private static ClaimedPage claimed(int attempt, Optional<String> category) {
        return new ClaimedPage(7, UUID.randomUUID(), new PageAddress(URI.create("https://a.example/jobs/1")), category, attempt, "runner-1");
    }

    private static WebPage page(String candidates) {
        return new WebPage(URI.create("https://a.example/jobs/1"), 200, candidates.getBytes(StandardCharsets.UTF_8), Optional.empty());
    }

    /** Records what the service asks to save; knows no jobs. */
    private static final class RecordingJobs implements ImportJobRepository {
        final List<PageResult> recorded = new ArrayList<>();

        @Override
        public CompletionStage<ImportJob> create(ImportRequest request, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CompletionStage<Optional<ImportJob>> find(UUID id) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<List<ClaimedPage>> claim(WorkRequest request) {
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletionStage<Optional<PageTally>> record(ClaimedPage page, PageResult result, Instant now) {
            recorded.add(result);
            return CompletableFuture.completedFuture(Optional.of(new PageTally(result.skills().size(), result.skills().size(), 0)));
        }

        @Override
        public CompletionStage<Void> release(String runner, List<Long> pageIds) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Optional<ImportJob>> cancel(UUID id, Instant now) {
            return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Optional<ImportSuggestion>> decide(UUID jobId, String nameKey, ImportSuggestion.State decision,
                                                                  Optional<Long> skillId, Instant now) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    }
}
