package org.teamfinder.skills.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import org.teamfinder.skills.domain.skill.CategoryCount;
import org.teamfinder.skills.domain.skill.Creation;
import org.teamfinder.skills.domain.skill.DuplicateSkillNames;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.IdempotencyKeyReused;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillPage;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.StaleSkillVersion;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The domain's {@link SkillRepository} on PostgreSQL: the SQL of {@link SkillStatements}, run through Micronaut
 * Data R2DBC's connection and transaction management ({@link R2dbcOperations}). Reads and single
 * writes are one SQL statement each and run without a transaction; the version check of a conditional
 * write is part of its statement, so it is atomic. The idempotent create, the batch create, the locked
 * read-modify-write of {@link #modify} and a name search (planned for its actual pattern) are explicit
 * transactions. Driver errors become domain failures in {@link StoreFailures}.
 */
@Singleton
public class R2dbcSkillRepository implements SkillRepository {

    private static final Long[] ANY_VERSION = new Long[0];

    private final R2dbcOperations operations;

    R2dbcSkillRepository(R2dbcOperations operations) {
        this.operations = operations;
    }

    @Override
    public CompletionStage<Skill> insert(SkillContent content, Instant now) {
        return withConnection(connection -> rowsOf(bindContent(connection.createStatement(SkillStatements.INSERT), content).bind("$4", now)))
                .single()
                .map(SkillRowMapper::toSkill)
                .onErrorMap(error -> StoreFailures.translate(error, content.name()))
                .toFuture();
    }

    @Override
    public CompletionStage<Creation> insertOnce(IdempotencyKey key, SkillContent content, Instant now, Instant keysKeptSince) {
        Flux<Creation> creation = Flux.from(operations.withTransaction(status -> {
            Connection connection = status.getConnection();
            Statement claim = connection.createStatement(SkillStatements.CLAIM_KEY)
                    .bind("$1", key.value()).bind("$2", now).bind("$3", keysKeptSince).bind("$4", key.caller());
            return Flux.from(claim.execute())
                    .concatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
                    .collectList().map(claimed -> !claimed.isEmpty())
                    .flatMap(claimed -> claimed
                            ? createFor(connection, key, content, now)
                            : replayFor(connection, key, content));
        }));
        return creation.single()
                .onErrorMap(error -> StoreFailures.translate(error, content.name()))
                .toFuture();
    }

    private Mono<Creation> createFor(Connection connection, IdempotencyKey key, SkillContent content, Instant now) {
        Statement insert = bindContent(connection.createStatement(SkillStatements.INSERT), content).bind("$4", now);
        return rowsOf(insert).single().flatMap(row -> {
            Statement record = connection.createStatement(SkillStatements.RECORD_KEY_RESULT)
                    .bind("$1", key.value()).bind("$2", row.id()).bind("$6", row.createdAt()).bind("$7", key.caller());
            record.bind("$3", row.name());
            bindNullable(record, "$4", Optional.ofNullable(row.category()));
            bindNullable(record, "$5", Optional.ofNullable(row.description()));
            return Flux.from(record.execute()).concatMap(Result::getRowsUpdated).then(Mono.just(new Creation(SkillRowMapper.toSkill(row), false)));
        });
    }

    private Mono<Creation> replayFor(Connection connection, IdempotencyKey key, SkillContent content) {
        Statement select = connection.createStatement(SkillStatements.KEY_RESULT).bind("$1", key.value()).bind("$2", key.caller());
        return rowsOf(select).singleOrEmpty().map(SkillRowMapper::toSkill).flatMap(earlier -> earlier.content().equals(content)
                ? Mono.just(new Creation(earlier, true))
                : Mono.error(new IdempotencyKeyReused(key)));
    }

    @Override
    public CompletionStage<List<Skill>> insertAll(List<SkillContent> contents, Instant now) {
        String[] names = contents.stream().map(SkillContent::name).toArray(String[]::new);
        String[] categories = contents.stream().map(content -> content.category().orElse(null)).toArray(String[]::new);
        String[] descriptions = contents.stream().map(content -> content.description().orElse(null)).toArray(String[]::new);
        Flux<Skill> inserted = Flux.from(operations.withTransaction(status -> {
            Connection connection = status.getConnection();
            Statement taken = connection.createStatement(SkillStatements.TAKEN_NAMES).bind("$1", names);
            Statement insert = connection.createStatement(SkillStatements.INSERT_ALL)
                    .bind("$1", names).bind("$2", categories).bind("$3", descriptions).bind("$4", now);
            return Flux.from(taken.execute())
                    .concatMap(result -> result.map((row, metadata) -> row.get("name", String.class)))
                    .collectList()
                    .flatMapMany(takenNames -> takenNames.isEmpty()
                            ? rowsOf(insert).map(SkillRowMapper::toSkill)
                            : Flux.error(new DuplicateSkillNames(takenNames)));
        }));
        return inserted.collectSortedList(Comparator.comparingLong(Skill::id))
                .onErrorMap(error -> StoreFailures.translateBatch(error, contents))
                .toFuture();
    }

    @Override
    public CompletionStage<Optional<Skill>> findById(long id) {
        return optional(withConnection(connection -> rowsOf(connection.createStatement(SkillStatements.FIND_BY_ID).bind("$1", id)))
                .singleOrEmpty()
                .map(SkillRowMapper::toSkill), null);
    }

    @Override
    public CompletionStage<SkillPage> find(SkillQuery query) {
        SkillStatements.Select select = SkillStatements.find(query);
        Function<Connection, Flux<SkillRow>> page = connection -> {
            Statement statement = connection.createStatement(select.sql());
            for (int i = 0; i < select.parameters().size(); i++) {
                statement.bind("$" + (i + 1), select.parameters().get(i));
            }
            return rowsOf(statement);
        };
        Flux<SkillRow> found = select.needsCustomPlan()
                ? Flux.from(operations.withTransaction(status -> Flux.from(status.getConnection()
                        .createStatement(SkillStatements.PLAN_FOR_ACTUAL_PARAMETERS).execute())
                        .concatMap(Result::getRowsUpdated)
                        .thenMany(page.apply(status.getConnection()))))
                : withConnection(page::apply);
        return found
                .map(SkillRowMapper::toSkill)
                .collectList()
                .map(fetched -> SkillPage.fromOneMoreThan(fetched, query.limit()))
                .onErrorMap(error -> StoreFailures.translate(error, null))
                .toFuture();
    }

    @Override
    public CompletionStage<List<CategoryCount>> categories() {
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.COUNT_BY_CATEGORY).execute())
                        .concatMap(result -> result.map((row, metadata) -> new CategoryCount(row.get("category", String.class),
                                row.get("skills", Long.class)))))
                .collectList()
                .onErrorMap(error -> StoreFailures.translate(error, null))
                .toFuture();
    }

    @Override
    public CompletionStage<Optional<Skill>> replace(long id, SkillContent content, Instant now, VersionCheck check) {
        Mono<Skill> replaced = withConnection(connection -> {
                    Statement statement = bindContent(connection.createStatement(SkillStatements.REPLACE), content)
                            .bind("$4", now)
                            .bind("$5", id)
                            .bind("$6", versions(check));
                    return rowsOf(statement);
                })
                .singleOrEmpty()
                .map(SkillRowMapper::toSkill)
                .switchIfEmpty(Mono.defer(() -> staleOrMissing(id, check)));
        return optional(replaced, content.name());
    }

    @Override
    public CompletionStage<Optional<Skill>> modify(long id, VersionCheck check, Function<Skill, SkillContent> change, Instant now) {
        AtomicReference<String> attemptedName = new AtomicReference<>();
        Flux<Skill> modified = Flux.from(operations.withTransaction(status -> {
            Connection connection = status.getConnection();
            // The row is read to the end before the next statement: one connection runs one statement at a time.
            return rowsOf(connection.createStatement(SkillStatements.SELECT_FOR_UPDATE).bind("$1", id))
                    .map(SkillRowMapper::toSkill)
                    .singleOrEmpty()
                    .flatMap(current -> {
                        if (!check.accepts(current.version())) {
                            return Mono.error(new StaleSkillVersion(id, current.version()));
                        }
                        SkillContent content = change.apply(current);
                        attemptedName.set(content.name());
                        if (content.equals(current.content())) {
                            return Mono.just(current);
                        }
                        Statement write = bindContent(connection.createStatement(SkillStatements.REPLACE), content)
                                .bind("$4", now).bind("$5", id).bind("$6", new Long[] {current.version()});
                        return rowsOf(write).map(SkillRowMapper::toSkill).single();
                    });
        }));
        return modified.singleOrEmpty()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error, attemptedName.get()))
                .toFuture();
    }

    @Override
    public CompletionStage<Boolean> delete(long id, VersionCheck check) {
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.DELETE)
                        .bind("$1", id).bind("$2", versions(check)).execute())
                        .concatMap(Result::getRowsUpdated))
                .reduce(0L, Long::sum)
                .flatMap(deleted -> deleted > 0 ? Mono.just(true) : staleOrMissing(id, check).thenReturn(false))
                .onErrorMap(error -> StoreFailures.translate(error, null))
                .toFuture();
    }

    @Override
    public CompletionStage<Long> forgetIdempotencyKeysBefore(Instant cutoff) {
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.FORGET_KEYS)
                        .bind("$1", cutoff).execute())
                        .concatMap(Result::getRowsUpdated))
                .reduce(0L, Long::sum)
                .onErrorMap(error -> StoreFailures.translate(error, null))
                .toFuture();
    }

    /**
     * After a conditional write changed nothing: fails with {@link StaleSkillVersion} if the skill exists
     * (its version did not pass the check), completes empty if it does not.
     */
    private <T> Mono<T> staleOrMissing(long id, VersionCheck check) {
        if (check.isNone()) {
            return Mono.empty();
        }
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.CURRENT_VERSION).bind("$1", id).execute())
                        .concatMap(result -> result.map((row, metadata) -> row.get("version", Long.class))))
                .singleOrEmpty()
                .flatMap(version -> Mono.error(new StaleSkillVersion(id, version)));
    }

    private <T> Flux<T> withConnection(Function<Connection, Publisher<? extends T>> work) {
        return Flux.from(operations.withConnection(work));
    }

    private static Flux<SkillRow> rowsOf(Statement statement) {
        return Flux.from(statement.execute()).concatMap(result -> result.map(SkillRowMapper::read));
    }

    private static Statement bindContent(Statement statement, SkillContent content) {
        statement.bind("$1", content.name());
        bindNullable(statement, "$2", content.category());
        bindNullable(statement, "$3", content.description());
        return statement;
    }

    private static Long[] versions(VersionCheck check) {
        return check.isNone() ? ANY_VERSION : check.versions().toArray(Long[]::new);
    }

    private static CompletionStage<Optional<Skill>> optional(Mono<Skill> skill, String attemptedName) {
        return skill.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error, attemptedName))
                .toFuture();
    }

    private static void bindNullable(Statement statement, String parameter, Optional<String> value) {
        value.ifPresentOrElse(text -> statement.bind(parameter, text), () -> statement.bindNull(parameter, String.class));
    }
}
