package org.teamfinder.skills.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.teamfinder.skills.domain.imports.ClaimedPage;
import org.teamfinder.skills.domain.imports.ImportJob;
import org.teamfinder.skills.domain.imports.ImportRequest;
import org.teamfinder.skills.domain.imports.ImportSuggestion;
import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageImport;
import org.teamfinder.skills.domain.imports.PageResult;
import org.teamfinder.skills.domain.imports.PageState;
import org.teamfinder.skills.domain.imports.PageTally;
import org.teamfinder.skills.domain.imports.Validators;
import org.teamfinder.skills.domain.imports.WorkRequest;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;

/**
 * An {@link ImportJobRepository} in memory, for tests of code built on imports: jobs and pages in maps, the
 * skills a page brings saved into an {@link InMemorySkillRepository}, leases on the system clock. It meets
 * {@link ImportJobRepositoryContract} as the PostgreSQL adapter does; one monitor guards everything.
 */
public final class InMemoryImportJobRepository implements ImportJobRepository {

    private static final class Page {
        final long id;
        final UUID jobId;
        final PageAddress address;
        PageState state = PageState.PENDING;
        int attempts;
        String claimedBy;
        Instant leaseUntil;
        Optional<Integer> httpStatus = Optional.empty();
        PageTally tally = new PageTally(0, 0, 0);
        Optional<String> error = Optional.empty();
        Optional<Instant> finishedAt = Optional.empty();
        boolean unchanged;

        Page(long id, UUID jobId, PageAddress address) {
            this.id = id;
            this.jobId = jobId;
            this.address = address;
        }

        boolean isWaiting(Instant now) {
            return state == PageState.PENDING || (state == PageState.FETCHING && leaseUntil.isBefore(now));
        }

        PageImport toImport() {
            return new PageImport(address, state, httpStatus, tally.found(), tally.created(), tally.alreadyPresent(), unchanged, error, finishedAt);
        }
    }

    private static final class Job {
        final UUID id;
        final Optional<String> category;
        final Instant createdAt;
        final List<Page> pages;
        Optional<Instant> cancelledAt = Optional.empty();
        final Map<String, ImportSuggestion> suggestions = new LinkedHashMap<>();

        Job(UUID id, Optional<String> category, Instant createdAt, List<Page> pages) {
            this.id = id;
            this.category = category;
            this.createdAt = createdAt;
            this.pages = pages;
        }
    }

    private final InMemorySkillRepository skills;
    private final Map<UUID, Job> jobs = new LinkedHashMap<>();
    private final Map<Long, Page> pages = new LinkedHashMap<>();
    private final Map<String, Validators> validators = new LinkedHashMap<>();
    private long nextPageId = 1;

    /** Pages save their skills into {@code skills}, which tests can then read. */
    public InMemoryImportJobRepository(InMemorySkillRepository skills) {
        this.skills = skills;
    }

    @Override
    public synchronized CompletionStage<ImportJob> create(ImportRequest request, Instant now) {
        UUID id = UUID.randomUUID();
        List<Page> jobPages = new ArrayList<>();
        for (PageAddress address : request.pages()) {
            Page page = new Page(nextPageId++, id, address);
            jobPages.add(page);
            pages.put(page.id, page);
        }
        Job job = new Job(id, request.category(), now, jobPages);
        jobs.put(id, job);
        return CompletableFuture.completedFuture(toJob(job));
    }

    @Override
    public synchronized CompletionStage<Optional<ImportJob>> find(UUID id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(jobs.get(id)).map(InMemoryImportJobRepository::toJob));
    }

    @Override
    public synchronized CompletionStage<List<ClaimedPage>> claim(WorkRequest request) {
        Instant now = Instant.now();
        Map<String, List<Page>> waitingByHost = pages.values().stream()
                .filter(page -> page.isWaiting(now))
                .sorted(Comparator.comparingLong(page -> page.id))
                .collect(Collectors.groupingBy(page -> page.address.host(), LinkedHashMap::new, Collectors.toList()));
        List<ClaimedPage> claimed = new ArrayList<>();
        for (Map.Entry<String, List<Page>> host : waitingByHost.entrySet()) {
            int room = Math.max(0, request.perHost() - request.inFlightByHost().getOrDefault(host.getKey(), 0));
            for (Page page : host.getValue().subList(0, Math.min(room, host.getValue().size()))) {
                if (claimed.size() == request.pages()) {
                    break;
                }
                page.state = PageState.FETCHING;
                page.claimedBy = request.runner();
                page.attempts++;
                page.leaseUntil = now.plus(request.lease());
                claimed.add(new ClaimedPage(page.id, page.jobId, page.address, jobs.get(page.jobId).category, page.attempts, request.runner(),
                        validators.getOrDefault(page.address.toString(), Validators.NONE)));
            }
        }
        claimed.sort(Comparator.comparingLong(ClaimedPage::pageId));
        return CompletableFuture.completedFuture(claimed);
    }

    @Override
    public synchronized CompletionStage<Optional<PageTally>> record(ClaimedPage claim, PageResult result, Instant now) {
        Page page = pages.get(claim.pageId());
        if (page == null || page.state != PageState.FETCHING || !claim.runner().equals(page.claimedBy)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        int created = 0;
        for (SkillContent skill : result.skills()) {
            try {
                skills.insert(new SkillContent(skill.name(), claim.category(), Optional.empty()), now).toCompletableFuture().join();
                created++;
            } catch (CompletionException e) {
                if (!(e.getCause() instanceof DuplicateSkillName)) {
                    throw e;
                }
            }
        }
        // Each skill the page names or mentions, by name or alias, was used once more.
        List<Long> used = Stream.concat(result.skills().stream().map(SkillContent::nameKey),
                        result.mentioned().stream().map(SkillContent::keyOf))
                .map(key -> skills.findByName(key).toCompletableFuture().join())
                .flatMap(Optional::stream).map(Skill::id).distinct().toList();
        used.forEach(id -> skills.addPopularity(id, 1));
        Job job = jobs.get(claim.jobId());
        for (String name : result.suggested()) {
            String key = SkillContent.keyOf(name);
            if (skills.findByName(key).toCompletableFuture().join().isEmpty()) {
                job.suggestions.merge(key, new ImportSuggestion(name, 1, ImportSuggestion.State.OPEN, Optional.empty()),
                        (held, again) -> new ImportSuggestion(held.name(), held.pages() + 1, held.state(), held.skillId()));
            }
        }
        // Found: the names the page gives, and the known skills it mentions that it does not also name.
        Set<String> named = new HashSet<>();
        result.skills().forEach(skill -> named.add(skill.nameKey()));
        int found = result.skills().size() + (int) result.mentioned().stream().filter(name -> named.add(SkillContent.keyOf(name))).count();
        page.tally = new PageTally(found, created, found - created);
        page.unchanged = result.unchanged();
        if (!result.isFailure() && !result.validators().isEmpty()) {
            validators.put(claim.address().toString(), result.validators());
        }
        page.state = result.isFailure() ? PageState.FAILED : PageState.DONE;
        page.httpStatus = result.httpStatus();
        page.error = result.error();
        page.finishedAt = Optional.of(now);
        page.claimedBy = null;
        page.leaseUntil = null;
        return CompletableFuture.completedFuture(Optional.of(page.tally));
    }

    @Override
    public synchronized CompletionStage<Void> release(String runner, List<Long> pageIds) {
        for (Long id : pageIds) {
            Page page = pages.get(id);
            if (page != null && page.state == PageState.FETCHING && runner.equals(page.claimedBy)) {
                page.state = PageState.PENDING;
                page.claimedBy = null;
                page.leaseUntil = null;
                page.attempts = Math.max(0, page.attempts - 1);
            }
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletionStage<Optional<ImportJob>> cancel(UUID id, Instant now) {
        Job job = jobs.get(id);
        if (job == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (job.cancelledAt.isEmpty()) {
            job.cancelledAt = Optional.of(now);
            for (Page page : job.pages) {
                if (page.state == PageState.PENDING) {
                    page.state = PageState.CANCELLED;
                    page.finishedAt = Optional.of(now);
                }
            }
        }
        return CompletableFuture.completedFuture(Optional.of(toJob(job)));
    }

    @Override
    public synchronized CompletionStage<Optional<ImportSuggestion>> decide(UUID jobId, String nameKey, ImportSuggestion.State decision,
                                                                          Optional<Long> skillId, Instant now) {
        Job job = jobs.get(jobId);
        ImportSuggestion suggestion = job == null ? null : job.suggestions.get(nameKey);
        if (suggestion == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (suggestion.state() == ImportSuggestion.State.OPEN) {
            suggestion = new ImportSuggestion(suggestion.name(), suggestion.pages(), decision,
                    decision == ImportSuggestion.State.ACCEPTED ? skillId : Optional.empty());
            job.suggestions.put(nameKey, suggestion);
        }
        return CompletableFuture.completedFuture(Optional.of(suggestion));
    }

    private static ImportJob toJob(Job job) {
        // The most often suggested first, then by key, as the PostgreSQL adapter lists them.
        List<ImportSuggestion> suggestions = job.suggestions.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, ImportSuggestion>>comparingInt(entry -> -entry.getValue().pages())
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getValue).toList();
        return new ImportJob(job.id, job.category, job.createdAt, job.pages.stream().map(Page::toImport).toList(), job.cancelledAt,
                suggestions);
    }
}
