package org.teamfinder.skills.persistence;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
import org.teamfinder.skills.domain.imports.PageAddress;
import org.teamfinder.skills.domain.imports.PageImport;
import org.teamfinder.skills.domain.imports.PageResult;
import org.teamfinder.skills.domain.imports.PageState;
import org.teamfinder.skills.domain.imports.PageTally;
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
        return withConnection(connection -> Flux.from(connection.createStatement(ImportStatements.JOB_WITH_PAGES).bind("$1", id).execute())
                        .concatMap(result -> result.map((row, metadata) -> JobRow.read(row))))
                .collectList()
                .map(rows -> rows.isEmpty() ? Optional.<ImportJob>empty() : Optional.of(JobRow.toJob(rows)))
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
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
        return withConnection(connection -> Flux.from(connection.createStatement(ImportStatements.CLAIM)
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
                                request.runner()))))
                .collectList()
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Optional<PageTally>> record(ClaimedPage page, PageResult result, Instant now) {
        String[] names = result.skills().stream().map(SkillContent::name).toArray(String[]::new);
        Flux<PageTally> recorded = CallerWork.inTransaction(operations, connection -> {
            Statement lock = connection.createStatement(ImportStatements.LOCK_CLAIMED).bind("$1", page.pageId()).bind("$2", page.runner());
            // Each statement's result is read to its end before the next one starts on the connection.
            return Flux.from(lock.execute())
                    .concatMap(locked -> locked.map((row, metadata) -> row.get("id", Long.class)))
                    .collectList()
                    .flatMap(locked -> locked.isEmpty() ? Mono.empty() : insertMissing(connection, names, page, now))
                    .flatMap(created -> countUses(connection, names).thenReturn(created))
                    .flatMap(created -> {
                        PageTally tally = new PageTally(names.length, created, names.length - created);
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
                .bind("$8", now);
        result.httpStatus().ifPresentOrElse(status -> finish.bind("$3", status), () -> finish.bindNull("$3", Integer.class));
        result.error().ifPresentOrElse(error -> finish.bind("$7", error), () -> finish.bindNull("$7", String.class));
        return Flux.from(finish.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
    }

    private <T> Flux<T> withConnection(Function<Connection, Publisher<? extends T>> work) {
        return CallerWork.onConnection(operations, work);
    }

    /** One row of {@link ImportStatements#JOB_WITH_PAGES}: the job's columns repeat on every page. */
    private record JobRow(UUID id, Optional<String> category, Instant createdAt, PageImport page) {

        static JobRow read(Row row) {
            PageImport page = new PageImport(
                    new PageAddress(URI.create(row.get("url", String.class))),
                    PageState.valueOf(row.get("state", String.class).toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(row.get("http_status", Integer.class)),
                    row.get("skills_found", Integer.class),
                    row.get("skills_created", Integer.class),
                    row.get("skills_present", Integer.class),
                    Optional.ofNullable(row.get("error", String.class)),
                    Optional.ofNullable(row.get("finished_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant));
            return new JobRow(row.get("id", UUID.class), Optional.ofNullable(row.get("category", String.class)),
                    row.get("created_at", OffsetDateTime.class).toInstant(), page);
        }

        static ImportJob toJob(List<JobRow> rows) {
            List<PageImport> pages = new ArrayList<>(rows.size());
            rows.forEach(row -> pages.add(row.page()));
            JobRow first = rows.get(0);
            return new ImportJob(first.id(), first.category(), first.createdAt(), pages);
        }
    }
}
