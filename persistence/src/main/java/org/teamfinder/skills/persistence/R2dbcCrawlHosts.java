package org.teamfinder.skills.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import jakarta.inject.Singleton;
import org.teamfinder.skills.domain.imports.RobotsFile;
import org.teamfinder.skills.domain.imports.port.out.CrawlHosts;
import reactor.core.publisher.Flux;

/** The domain's {@link CrawlHosts} on PostgreSQL (table crawl_host), shared by every instance. */
@Singleton
public class R2dbcCrawlHosts implements CrawlHosts {

    static final String ROBOTS = """
            SELECT robots_status, robots_txt, robots_fetched_at, robots_expires_at FROM crawl_host
             WHERE authority = $1 AND robots_fetched_at IS NOT NULL""";

    static final String REMEMBER_ROBOTS = """
            INSERT INTO crawl_host (authority, robots_status, robots_txt, robots_fetched_at, robots_expires_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (authority) DO UPDATE SET robots_status = excluded.robots_status, robots_txt = excluded.robots_txt,
                   robots_fetched_at = excluded.robots_fetched_at, robots_expires_at = excluded.robots_expires_at""";

    /**
     * One statement, so that instances reserving at once queue up on the host's row: the fetch may start at
     * the host's next slot or now, whichever is later, and the next slot moves $2 seconds past it.
     */
    static final String RESERVE = """
            INSERT INTO crawl_host AS h (authority, next_fetch_at) VALUES ($1, statement_timestamp() + make_interval(secs => $2))
            ON CONFLICT (authority) DO UPDATE
               SET next_fetch_at = greatest(h.next_fetch_at, statement_timestamp()) + make_interval(secs => $2)
            RETURNING next_fetch_at - make_interval(secs => $2) AS slot""";

    private final R2dbcOperations operations;

    public R2dbcCrawlHosts(R2dbcOperations operations) {
        this.operations = operations;
    }

    @Override
    public CompletionStage<Optional<RobotsFile>> robots(String authority) {
        return CallerWork.onConnection(operations, connection -> Flux.from(connection.createStatement(ROBOTS).bind("$1", authority).execute())
                        .concatMap(result -> result.map((row, metadata) -> new RobotsFile(
                                Optional.ofNullable(row.get("robots_status", Integer.class)),
                                Optional.ofNullable(row.get("robots_txt", String.class)).orElse(""),
                                row.get("robots_fetched_at", OffsetDateTime.class).toInstant(),
                                row.get("robots_expires_at", OffsetDateTime.class).toInstant()))))
                .next()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(StoreFailures::translate)
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Void> rememberRobots(String authority, RobotsFile robots) {
        return CallerWork.onConnection(operations, connection -> {
                    Statement remember = connection.createStatement(REMEMBER_ROBOTS).bind("$1", authority).bind("$3", robots.text())
                            .bind("$4", robots.fetchedAt()).bind("$5", robots.expiresAt());
                    robots.status().ifPresentOrElse(status -> remember.bind("$2", status), () -> remember.bindNull("$2", Integer.class));
                    return Flux.from(remember.execute()).concatMap(Result::getRowsUpdated);
                })
                .then()
                .onErrorMap(StoreFailures::translate)
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Instant> reserveFetch(String authority, Duration spacing) {
        return CallerWork.onConnection(operations, connection -> Flux.from(connection.createStatement(RESERVE)
                                .bind("$1", authority).bind("$2", spacing.toMillis() / 1000.0).execute())
                        .concatMap(result -> result.map((row, metadata) -> row.get("slot", OffsetDateTime.class).toInstant())))
                .single()
                .onErrorMap(StoreFailures::translate)
                .as(CallerWork::future);
    }
}
