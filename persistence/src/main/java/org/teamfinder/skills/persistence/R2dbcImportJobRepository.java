package org.teamfinder.skills.persistence;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.Statement;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
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
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.imports.WorkRequest;
import org.teamfinder.skills.domain.imports.port.out.ImportJobRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The domain's {@link ImportJobRepository} on PostgreSQL. Creating a job and recording a page are
 * transactions; claiming is one statement (see {@link ImportStatements#CLAIM}). Pages are claimed with
 * leases measured by the database's clock, so the clocks of service instances need not agree.
 */
@Singleton
public class R2dbcImportJobRepository implements ImportJobRepository {

    private final R2dbcOperations operations;

    R2dbcImportJobRepository(R2dbcOperations operations) {
        this.operations = operations;
    }

    @Override
    public CompletionStage<ImportJob> create(ImportRequest request, Instant now) {
        String[] urls = request.pages().stream().map(PageAddress::toString).toArray(String[]::new);
        String[] hosts = request.pages().stream().map(PageAddress::host).toArray(String[]::new);
        Mono<UUID> created = CallerWork.inTransaction(operations, connection -> {
            Statement job = connection.createStatement(ImportStatements.INSERT_JOB).bind("$2", now).bind("$3", urls.length);
            request.category().ifPresentOrElse(category -> job.bind("$1", category), () -> job.bindNull("$1", String.class));
            return Flux.from(job.execute())
                    .concatMap(result -> result.map((row, metadata) -> row.get("id", UUID.class)))
                    .single()
                    .flatMap(id -> Flux.from(connection.createStatement(ImportStatements.INSERT_PAGES)
                                    .bind("$1", id).bind("$2", urls).bind("$3", hosts).execute())
                            .concatMap(Result::getRowsUpdated)
                            .then(Mono.just(id)));
        }).single();
        return created
                .map(id -> new ImportJob(id, request.category(), now, request.pages().stream()
                        .map(page -> new PageImport(page, PageState.PENDING, Optional.empty(), 0, 0, 0, Optional.empty(), Optional.empty()))
                        .toList()))
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Optional<ImportJob>> find(UUID id) {
        return withConnection(connection -> jobOn(connection, id))
                .singleOrEmpty()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Optional<ImportJob>> cancel(UUID id, Instant now) {
        return CallerWork.inTransaction(operations, connection -> Flux.from(connection.createStatement(ImportStatements.CANCEL)
                                .bind("$1", id).bind("$2", now).execute())
                        .concatMap(Result::getRowsUpdated)
                        .then(jobOn(connection, id)))
                .singleOrEmpty()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Optional<ImportSuggestion>> decide(UUID jobId, String nameKey, ImportSuggestion.State decision,
                                                              Optional<Long> skillId, Instant now) {
        return withConnection(connection -> {
            Statement decide = connection.createStatement(ImportStatements.DECIDE)
                    .bind("$1", jobId).bind("$2", nameKey).bind("$3", decision.name().toLowerCase(Locale.ROOT)).bind("$5", now);
            skillId.ifPresentOrElse(id -> decide.bind("$4", id), () -> decide.bindNull("$4", Long.class));
            return Flux.from(decide.execute()).concatMap(result -> result.map((row, metadata) -> suggestion(row)));
        })
                .next()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    /** The job with its pages and suggestions, read on the connection given. */
    private static Mono<ImportJob> jobOn(Connection connection, UUID id) {
        return Flux.from(connection.createStatement(ImportStatements.JOB_WITH_PAGES).bind("$1", id).execute())
                .concatMap(result -> result.map((row, metadata) -> JobRow.read(row)))
                .collectList()
                .flatMap(rows -> rows.isEmpty() ? Mono.empty()
                        : Flux.from(connection.createStatement(ImportStatements.SUGGESTIONS).bind("$1", id).execute())
                                .concatMap(result -> result.map((row, metadata) -> suggestion(row)))
                                .collectList()
                                .map(suggestions -> JobRow.toJob(rows, suggestions)));
    }

    private static ImportSuggestion suggestion(Row row) {
        return new ImportSuggestion(row.get("name", String.class), row.get("pages", Integer.class),
                ImportSuggestion.State.valueOf(row.get("state", String.class).toUpperCase(Locale.ROOT)),
                Optional.ofNullable(row.get("skill_id", Long.class)));
    }

    @Override
    public CompletionStage<List<ClaimedPage>> claim(WorkRequest request) {
        if (request.pages() == 0) {
            return Mono.just(List.<ClaimedPage>of()).as(CallerWork::future);
        }
        String[] busyHosts = request.inFlightByHost().keySet().toArray(String[]::new);
        Integer[] busyCounts = new Integer[busyHosts.length];
        for (int i = 0; i < busyHosts.length; i++) {
            busyCounts[i] = request.inFlightByHost().get(busyHosts[i]);
        }
        // Pages of cancelled jobs are cancelled, not claimed: those a stopped runner handed back, those a dead one held.
        return withConnection(connection -> Flux.from(connection.createStatement(ImportStatements.SWEEP_CANCELLED).execute())
                .concatMap(Result::getRowsUpdated)
                .thenMany(connection.createStatement(ImportStatements.CLAIM)
                        .bind("$1", request.runner())
                        .bind("$2", (double) request.lease().toMillis() / 1000)
                        .bind("$3", busyHosts)
                        .bind("$4", busyCounts)
                        .bind("$5", request.perHost())
                        .bind("$6", request.pages())
                        .execute())
                        .concatMap(result -> result.map((row, metadata) -> new ClaimedPage(
                                row.get("id", Long.class),
                                row.get("job_id", UUID.class),
                                new PageAddress(URI.create(row.get("url", String.class))),
                                Optional.ofNullable(row.get("category", String.class)),
                                row.get("attempts", Integer.class),
                                request.runner(),
                                new Validators(Optional.ofNullable(row.get("etag", String.class)),
                                        Optional.ofNullable(row.get("last_modified", String.class)))))))
                .collectList()
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Optional<PageTally>> record(ClaimedPage page, PageResult result, Instant now) {
        String[] names = result.skills().stream().map(SkillContent::name).toArray(String[]::new);
        // The page's skills: those it names, and the known ones it only mentions (canonical names, counted once).
        Set<String> keys = new HashSet<>();
        List<String> used = new ArrayList<>();
        for (String name : names) {
            keys.add(SkillContent.keyOf(name));
            used.add(name);
        }
        result.mentioned().stream().filter(name -> keys.add(SkillContent.keyOf(name))).forEach(used::add);
        String[] counted = used.toArray(String[]::new);
        Flux<PageTally> recorded = CallerWork.inTransaction(operations, connection -> {
            Statement lock = connection.createStatement(ImportStatements.LOCK_CLAIMED).bind("$1", page.pageId()).bind("$2", page.runner());
            // Each statement's result is read to its end before the next one starts on the connection.
            return Flux.from(lock.execute())
                    .concatMap(locked -> locked.map((row, metadata) -> row.get("id", Long.class)))
                    .collectList()
                    .flatMap(locked -> locked.isEmpty() ? Mono.empty() : insertMissing(connection, names, page, now))
                    .flatMap(created -> countUses(connection, counted).thenReturn(created))
                    .flatMap(created -> suggest(connection, page, result.suggested()).thenReturn(created))
                    .flatMap(created -> {
                        PageTally tally = new PageTally(counted.length, created, counted.length - created);
                        return finish(connection, page, result, tally, now).thenReturn(tally);
                    });
        });
        return recorded.singleOrEmpty()
                // A name another writer took meanwhile as an alias: read the catalogue again and record again.
                .retryWhen(Retry.max(2).filter(StoreFailures::isDuplicateName))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Void> release(String runner, List<Long> pageIds) {
        if (pageIds.isEmpty()) {
            return Mono.<Void>empty().as(CallerWork::future);
        }
        return withConnection(connection -> Flux.from(connection.createStatement(ImportStatements.RELEASE)
                        .bind("$1", runner).bind("$2", pageIds.toArray(Long[]::new)).execute())
                        .concatMap(Result::getRowsUpdated))
                .then()
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    private static Mono<Integer> insertMissing(Connection connection, String[] names, ClaimedPage page, Instant now) {
        if (names.length == 0) {
            return Mono.just(0);
        }
        Statement insert = connection.createStatement(ImportStatements.INSERT_MISSING_SKILLS).bind("$1", names).bind("$3", now);
        page.category().ifPresentOrElse(category -> insert.bind("$2", category), () -> insert.bindNull("$2", String.class));
        return Flux.from(insert.execute())
                .concatMap(result -> result.map((row, metadata) -> row.get("id", Long.class)))
                .count()
                .map(Long::intValue);
    }

    /** Keeps the page's unknown names from weaker sources on its job, for a curator; a name seen again counts its page. */
    private static Mono<Long> suggest(Connection connection, ClaimedPage page, List<String> suggested) {
        if (suggested.isEmpty()) {
            return Mono.just(0L);
        }
        return Flux.from(connection.createStatement(ImportStatements.SUGGEST)
                        .bind("$1", page.jobId())
                        .bind("$2", suggested.stream().map(SkillContent::keyOf).toArray(String[]::new))
                        .bind("$3", suggested.toArray(String[]::new))
                        .execute())
                .concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    private static Mono<Long> countUses(Connection connection, String[] names) {
        if (names.length == 0) {
            return Mono.just(0L);
        }
        return Flux.from(connection.createStatement(ImportStatements.COUNT_USES).bind("$1", names).execute())
                .concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    private static Mono<Long> finish(Connection connection, ClaimedPage page, PageResult result, PageTally tally, Instant now) {
        Statement finish = connection.createStatement(ImportStatements.FINISH_PAGE)
                .bind("$1", page.pageId())
                .bind("$2", result.isFailure() ? "failed" : "done")
                .bind("$4", tally.found())
                .bind("$5", tally.created())
                .bind("$6", tally.alreadyPresent())
                .bind("$8", now)
                .bind("$9", result.unchanged());
        result.httpStatus().ifPresentOrElse(status -> finish.bind("$3", status), () -> finish.bindNull("$3", Integer.class));
        result.error().ifPresentOrElse(error -> finish.bind("$7", error), () -> finish.bindNull("$7", String.class));
        Mono<Long> finished = Flux.from(finish.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
        if (result.isFailure() || result.validators().isEmpty()) {
            return finished;
        }
        Statement remember = connection.createStatement(ImportStatements.REMEMBER_VALIDATORS).bind("$1", page.address().toString()).bind("$4", now);
        result.validators().etag().ifPresentOrElse(etag -> remember.bind("$2", etag), () -> remember.bindNull("$2", String.class));
        result.validators().lastModified().ifPresentOrElse(date -> remember.bind("$3", date), () -> remember.bindNull("$3", String.class));
        return finished.flatMap(rows -> Flux.from(remember.execute()).concatMap(Result::getRowsUpdated).reduce(rows, Long::sum));
    }

    private <T> Flux<T> withConnection(Function<Connection, Publisher<? extends T>> work) {
        return CallerWork.onConnection(operations, work);
    }

    /** One row of {@link ImportStatements#JOB_WITH_PAGES}: the job's columns repeat on every page. */
    private record JobRow(UUID id, Optional<String> category, Instant createdAt, Optional<Instant> cancelledAt, PageImport page) {

        static JobRow read(Row row) {
            PageImport page = new PageImport(
                    new PageAddress(URI.create(row.get("url", String.class))),
                    PageState.valueOf(row.get("state", String.class).toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(row.get("http_status", Integer.class)),
                    row.get("skills_found", Integer.class),
                    row.get("skills_created", Integer.class),
                    row.get("skills_present", Integer.class),
                    Boolean.TRUE.equals(row.get("unchanged", Boolean.class)),
                    Optional.ofNullable(row.get("error", String.class)),
                    Optional.ofNullable(row.get("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
            return new JobRow(row.get("id", UUID.class), Optional.ofNullable(row.get("category", String.class)),
                    row.get("created_at", OffsetDateTime.class).toInstant(),
                    Optional.ofNullable(row.get("cancelled_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant), page);
        }

        static ImportJob toJob(List<JobRow> rows, List<ImportSuggestion> suggestions) {
            List<PageImport> pages = new ArrayList<>(rows.size());
            rows.forEach(row -> pages.add(row.page()));
            JobRow first = rows.get(0);
            return new ImportJob(first.id(), first.category(), first.createdAt(), pages, first.cancelledAt(), suggestions);
        }
    }
}
