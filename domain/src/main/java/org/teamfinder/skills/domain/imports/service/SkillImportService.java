package org.teamfinder.skills.domain.imports.service;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.imports.CandidateResolution;
import org.teamfinder.skills.domain.imports.ClaimedPage;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportJobNotFound;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.imports.ImportSuggestionNotFound;
import org.teamfinder.skills.domain.imports.ImportedPage;
import org.teamfinder.skills.domain.imports.PageFetchFailed;
import org.teamfinder.skills.domain.imports.PageReading;
import org.teamfinder.skills.domain.imports.PageResult;
import org.teamfinder.skills.domain.imports.WebPage;
import org.teamfinder.skills.domain.imports.WorkRequest;
import org.teamfinder.skills.domain.imports.port.in.ImportSkills;
import org.teamfinder.skills.domain.imports.port.in.ImportWork;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.imports.port.out.KnownSkillNames;
import org.teamfinder.skills.domain.imports.port.out.SkillExtractor;
import org.teamfinder.skills.domain.imports.port.out.WebPageFetcher;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/**
 * Imports skills from web pages over any fetcher, extractor and job store. A page claimed more than
 * {@link #MAX_ATTEMPTS} times (each earlier runner died holding it) is given up rather than fetched again,
 * so one page that brings a runner down cannot bring every runner down in turn.
 */
public final class SkillImportService implements ImportSkills, ImportWork {

    public static final int MAX_ATTEMPTS = 3;

    private final ImportJobRepository jobs;
    private final WebPageFetcher fetcher;
    private final SkillExtractor extractor;
    private final KnownSkillNames known;
    private final SkillRepository skills;
    private final Clock clock;

    public SkillImportService(ImportJobRepository jobs, WebPageFetcher fetcher, SkillExtractor extractor, KnownSkillNames known,
                              SkillRepository skills, Clock clock) {
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.skills = Objects.requireNonNull(skills, "skills");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.known = Objects.requireNonNull(known, "known");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public CompletionStage<ImportJob> submit(ImportRequest request) {
        return jobs.create(request, clock.instant());
    }

    @Override
    public CompletionStage<ImportJob> find(UUID id) {
        return jobs.find(id).thenApply(job -> job.orElseThrow(() -> new ImportJobNotFound(id)));
    }

    @Override
    public CompletionStage<ImportJob> cancel(UUID id) {
        return jobs.cancel(id, clock.instant()).thenApply(job -> job.orElseThrow(() -> new ImportJobNotFound(id)));
    }

    @Override
    public CompletionStage<ImportSuggestion> decide(UUID id, String name, ImportSuggestion.State decision) {
        if (decision == ImportSuggestion.State.OPEN) {
            throw new IllegalArgumentException("a decision accepts or dismisses");
        }
        String key = SkillContent.keyOf(name);
        return find(id).thenCompose(job -> {
            ImportSuggestion suggestion = job.suggestions().stream().filter(each -> SkillContent.keyOf(each.name()).equals(key)).findFirst()
                    .orElseThrow(() -> new ImportSuggestionNotFound(name));
            if (suggestion.state() != ImportSuggestion.State.OPEN || decision == ImportSuggestion.State.DISMISSED) {
                return decided(id, key, name, decision, Optional.empty());
            }
            return skillNamed(suggestion.name(), job.category())
                    .thenCompose(skill -> decided(id, key, name, decision, Optional.of(skill.id())));
        });
    }

    private CompletionStage<ImportSuggestion> decided(UUID id, String key, String name, ImportSuggestion.State decision, Optional<Long> skillId) {
        return jobs.decide(id, key, decision, skillId, clock.instant())
                .thenApply(suggestion -> suggestion.orElseThrow(() -> new ImportSuggestionNotFound(name)));
    }

    /** The skill of this name: created now, or the one that has it as a name or alias by now. */
    private CompletionStage<Skill> skillNamed(String name, Optional<String> category) {
        SkillContent content = new SkillContent(name, category, Optional.empty());
        return skills.insert(content, clock.instant()).handle((created, failure) -> {
            if (failure == null) {
                return CompletableFuture.completedFuture(created);
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof DuplicateSkillName) {
                return skills.findByName(content.nameKey()).thenApply(held -> held.orElseThrow(() -> (DuplicateSkillName) cause));
            }
            return CompletableFuture.<Skill>failedFuture(cause);
        }).thenCompose(stage -> stage);
    }

    @Override
    public CompletionStage<List<ClaimedPage>> claim(WorkRequest request) {
        return jobs.claim(request);
    }

    @Override
    public CompletionStage<Optional<ImportedPage>> process(ClaimedPage page) {
        CompletionStage<PageResult> result = page.attempt() > MAX_ATTEMPTS
                ? CompletableFuture.completedFuture(PageResult.failed(Optional.empty(),
                        "gave up after " + MAX_ATTEMPTS + " attempts: the service stopped each time while importing this page"))
                : read(page);
        return result.thenCompose(outcome -> jobs.record(page, outcome, clock.instant())
                .thenApply(tally -> tally.map(counts -> new ImportedPage(page, outcome, counts))));
    }

    @Override
    public CompletionStage<Void> release(String runner, List<ClaimedPage> pages) {
        return jobs.release(runner, pages.stream().map(ClaimedPage::pageId).toList());
    }

    /** Fetches and reads the page; any failure to do so becomes the page's outcome, not an error. */
    private CompletionStage<PageResult> read(ClaimedPage page) {
        CompletionStage<PageResult> read;
        try {
            read = fetcher.fetch(page.address(), page.previous()).thenCompose(fetched -> fetched.isNotModified()
                    ? CompletableFuture.completedFuture(PageResult.unchanged(page.previous()))
                    : extractor.candidates(fetched)
                            .thenCompose(candidates -> known.known(CandidateResolution.keysToLookUp(candidates))
                                    .thenApply(names -> result(fetched, CandidateResolution.read(candidates, names), page))));
        } catch (RuntimeException failure) {
            read = CompletableFuture.failedFuture(failure);
        }
        return read.handle((outcome, failure) -> failure == null ? outcome : failed(failure));
    }

    private static PageResult result(WebPage fetched, PageReading reading, ClaimedPage page) {
        List<SkillContent> named = reading.named().stream().map(name -> new SkillContent(name, page.category(), Optional.empty())).toList();
        return PageResult.read(fetched.status(), named, reading.mentioned(), reading.suggested(), fetched.validators());
    }

    private static PageResult failed(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof PageFetchFailed fetchFailed) {
            return PageResult.failed(fetchFailed.httpStatus(), fetchFailed.getMessage());
        }
        return PageResult.failed(Optional.empty(), "the page could not be imported: unexpected " + cause.getClass().getSimpleName());
    }
}
