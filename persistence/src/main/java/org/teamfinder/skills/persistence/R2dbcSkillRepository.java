package org.teamfinder.skills.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.teamfinder.skills.domain.shared.FieldProblem;
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
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.SkillMerged;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.Suggestion;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.UnknownSkills;
import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.VocabularyTally;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
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
        return withConnection(connection -> rowsOf(bindContent(connection.createStatement(SkillStatements.INSERT), content)
                        .bind("$4", now).bind("$5", aliases(content))))
                .single()
                .map(SkillRowMapper::toSkill)
                .onErrorResume(error -> failed(error, content))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Creation> insertOnce(IdempotencyKey key, SkillContent content, Instant now, Instant keysKeptSince) {
        Flux<Creation> creation = CallerWork.inTransaction(operations, connection -> {
            Statement claim = connection.createStatement(SkillStatements.CLAIM_KEY)
                    .bind("$1", key.value()).bind("$2", now).bind("$3", keysKeptSince).bind("$4", key.caller());
            return Flux.from(claim.execute())
                    .concatMap(result -> result.map((row, metadata) -> row.get(0, String.class)))
                    .collectList().map(claimed -> !claimed.isEmpty())
                    .flatMap(claimed -> claimed
                            ? createFor(connection, key, content, now)
                            : replayFor(connection, key, content));
        });
        return creation.single()
                .onErrorResume(error -> failed(error, content))
                .as(CallerWork::future);
    }

    private Mono<Creation> createFor(Connection connection, IdempotencyKey key, SkillContent content, Instant now) {
        Statement insert = bindContent(connection.createStatement(SkillStatements.INSERT), content).bind("$4", now).bind("$5", aliases(content));
        return rowsOf(insert).single().flatMap(row -> {
            Statement record = connection.createStatement(SkillStatements.RECORD_KEY_RESULT)
                    .bind("$1", key.value()).bind("$2", row.id()).bind("$6", row.createdAt()).bind("$7", key.caller())
                    .bind("$8", row.aliases().toArray(String[]::new));
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
        String[] aliases = contents.stream().map(content -> String.join(String.valueOf(SkillStatements.ALIAS_SEPARATOR), content.aliases()))
                .toArray(String[]::new);
        String[] everyName = contents.stream().flatMap(content -> StoreFailures.namesOf(content).stream()).toArray(String[]::new);
        Flux<Skill> inserted = CallerWork.inTransaction(operations, connection -> {
            Statement taken = connection.createStatement(SkillStatements.TAKEN_NAMES).bind("$1", everyName);
            Statement insert = connection.createStatement(SkillStatements.INSERT_ALL)
                    .bind("$1", names).bind("$2", categories).bind("$3", descriptions).bind("$4", aliases).bind("$5", now);
            return Flux.from(taken.execute())
                    .concatMap(result -> result.map((row, metadata) -> row.get("name", String.class)))
                    .collectList()
                    .flatMapMany(takenNames -> takenNames.isEmpty()
                            ? rowsOf(insert).map(SkillRowMapper::toSkill)
                            : Flux.error(new DuplicateSkillNames(takenNames)));
        });
        return inserted.collectSortedList(Comparator.comparingLong(Skill::id))
                .onErrorMap(error -> StoreFailures.translateBatch(error, contents))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Optional<Skill>> findById(long id) {
        return optional(withConnection(connection -> rowsOf(connection.createStatement(SkillStatements.FIND_BY_ID).bind("$1", id)))
                .singleOrEmpty()
                .map(SkillRowMapper::toSkill), null);
    }

    @Override
    public CompletionStage<Optional<Skill>> findByName(String key) {
        return optional(withConnection(connection -> rowsOf(connection.createStatement(SkillStatements.FIND_BY_NAME).bind("$1", key)))
                .singleOrEmpty()
                .map(SkillRowMapper::toSkill), null);
    }

    @Override
    public CompletionStage<Optional<Long>> findMergeTarget(long id) {
        return withConnection(connection -> mergeTarget(connection, id))
                .singleOrEmpty()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    private static Flux<Long> mergeTarget(Connection connection, long id) {
        return Flux.from(connection.createStatement(SkillStatements.MERGE_TARGET).bind("$1", id).execute())
                .concatMap(result -> result.map((row, metadata) -> row.get("target_id", Long.class)));
    }

    @Override
    public CompletionStage<List<Suggestion>> suggest(SuggestQuery query) {
        return SkillSuggestions.suggest(operations, query)
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Skill> merge(long source, VersionCheck sourceCheck, long target, VersionCheck targetCheck, Instant now) {
        Flux<Skill> merged = CallerWork.inTransaction(operations, connection -> {
            return rowsOf(connection.createStatement(SkillStatements.LOCK_PAIR).bind("$1", new Long[] {source, target}))
                    .collectList()
                    .flatMap(rows -> {
                        Optional<SkillRow> from = rows.stream().filter(row -> row.id() == source).findFirst();
                        Optional<SkillRow> into = rows.stream().filter(row -> row.id() == target).findFirst();
                        if (from.isEmpty()) {
                            return missing(connection, source);
                        }
                        if (into.isEmpty()) {
                            return missing(connection, target);
                        }
                        if (!sourceCheck.accepts(from.get().version())) {
                            return Mono.error(new StaleSkillVersion(source, from.get().version()));
                        }
                        if (!targetCheck.accepts(into.get().version())) {
                            return Mono.error(new StaleSkillVersion(target, into.get().version()));
                        }
                        return absorb(connection, from.get(), into.get(), now);
                    });
        });
        return merged.single()
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    /** Moves the source's names, popularity and id into the target, in this order, as {@link #merge} describes. */
    private static Mono<Skill> absorb(Connection connection, SkillRow source, SkillRow target, Instant now) {
        List<String> aliases = new ArrayList<>(target.aliases());
        aliases.add(source.name());
        aliases.addAll(source.aliases());
        Set<String> seen = new HashSet<>();
        seen.add(SkillContent.keyOf(target.name()));
        List<String> distinct = aliases.stream().filter(alias -> seen.add(SkillContent.keyOf(alias))).toList();
        SkillContent content;
        try {
            content = SkillRowMapper.toSkill(target).content().withAliases(distinct);
        } catch (InvalidSkill tooMany) {
            return Mono.error(tooMany);
        }
        return execute(connection.createStatement(SkillStatements.REDIRECT_MERGES).bind("$1", source.id()).bind("$2", target.id()))
                .then(execute(connection.createStatement(SkillStatements.REMOVE_MERGED).bind("$1", source.id())))
                .then(rowsOf(connection.createStatement(SkillStatements.ABSORB)
                        .bind("$1", target.id()).bind("$2", aliases(content)).bind("$3", source.popularity())
                        .bind("$4", source.id()).bind("$5", source.name()).bind("$6", now)).single())
                .flatMap(row -> execute(connection.createStatement(SkillStatements.RECORD_MERGE)
                        .bind("$1", source.id()).bind("$2", target.id()).bind("$3", source.name()).bind("$4", now))
                        .thenReturn(SkillRowMapper.toSkill(row)));
    }

    /** Why a skill is not there: merged into another, or never there. */
    private static <T> Mono<T> missing(Connection connection, long id) {
        return mergeTarget(connection, id).singleOrEmpty()
                .<T>flatMap(into -> Mono.error(new SkillMerged(id, into)))
                .switchIfEmpty(Mono.error(() -> new SkillNotFound(id)));
    }

    @Override
    public CompletionStage<Void> addUses(List<SkillUse> uses) {
        String[] keys = uses.stream().flatMap(use -> use.name().stream()).map(SkillContent::keyOf).distinct().toArray(String[]::new);
        Flux<Void> added = CallerWork.inTransaction(operations, connection -> {
            return holders(connection, keys).flatMap(holders -> {
                Long[] wanted = uses.stream().map(use -> use.id().orElseGet(() -> holders.get(SkillContent.keyOf(use.name().orElseThrow()))))
                        .filter(Objects::nonNull).distinct().toArray(Long[]::new);
                return Flux.from(connection.createStatement(SkillStatements.LOCK_IDS).bind("$1", wanted).execute())
                        .concatMap(result -> result.map((row, metadata) -> row.get("id", Long.class)))
                        .collect(Collectors.toSet())
                        .flatMap(existing -> {
                            Map<Long, Long> counts = new LinkedHashMap<>();
                            List<FieldProblem> unknown = new ArrayList<>();
                            for (int i = 0; i < uses.size(); i++) {
                                SkillUse use = uses.get(i);
                                Long id = use.id().orElseGet(() -> holders.get(SkillContent.keyOf(use.name().orElseThrow())));
                                if (id == null || !existing.contains(id)) {
                                    unknown.add(use.id().isPresent()
                                            ? new FieldProblem("uses[" + i + "].skill", "no skill has id " + use.id().get())
                                            : new FieldProblem("uses[" + i + "].name", "no skill is named '" + use.name().get() + "', nor has it as an alias"));
                                } else {
                                    counts.merge(id, use.count(), Long::sum);
                                }
                            }
                            if (!unknown.isEmpty()) {
                                return Mono.error(new UnknownSkills(unknown));
                            }
                            return execute(connection.createStatement(SkillStatements.ADD_POPULARITY)
                                    .bind("$1", counts.keySet().toArray(Long[]::new)).bind("$2", counts.values().toArray(Long[]::new)));
                        });
            }).then();
        });
        return added.then()
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    /** The skill each name key belongs to, for the keys some skill has. */
    static Mono<Map<String, Long>> holders(Connection connection, String[] keys) {
        if (keys.length == 0) {
            return Mono.just(Map.of());
        }
        return Flux.from(connection.createStatement(SkillStatements.HOLDERS).bind("$1", keys).execute())
                .concatMap(result -> result.map((row, metadata) -> Map.entry(row.get("name_key", String.class), row.get("skill_id", Long.class))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    @Override
    public CompletionStage<VocabularyTally> loadVocabulary(List<VocabularyEntry> entries, Instant now) {
        return VocabularyLoad.load(operations, entries, now).as(CallerWork::future);
    }

    private static Mono<Long> execute(Statement statement) {
        return Flux.from(statement.execute()).concatMap(Result::getRowsUpdated).reduce(0L, Long::sum);
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
                ? CallerWork.inTransaction(operations, connection -> Flux.from(connection
                        .createStatement(SkillStatements.PLAN_FOR_ACTUAL_PARAMETERS).execute())
                        .concatMap(Result::getRowsUpdated)
                        .thenMany(page.apply(connection)))
                : withConnection(page::apply);
        return found
                .map(SkillRowMapper::toSkill)
                .collectList()
                .map(fetched -> SkillPage.fromOneMoreThan(fetched, query.limit()))
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<List<CategoryCount>> categories() {
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.COUNT_BY_CATEGORY).execute())
                        .concatMap(result -> result.map((row, metadata) -> new CategoryCount(row.get("category", String.class),
                                row.get("skills", Long.class)))))
                .collectList()
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Optional<Skill>> replace(long id, SkillContent content, Instant now, VersionCheck check) {
        Mono<Skill> replaced = withConnection(connection -> {
                    Statement statement = bindContent(connection.createStatement(SkillStatements.REPLACE), content)
                            .bind("$4", now)
                            .bind("$5", id)
                            .bind("$6", versions(check))
                            .bind("$7", aliases(content));
                    return rowsOf(statement);
                })
                .singleOrEmpty()
                .map(SkillRowMapper::toSkill)
                .switchIfEmpty(Mono.defer(() -> staleOrMissing(id, check)));
        return optional(replaced, content);
    }

    @Override
    public CompletionStage<Optional<Skill>> modify(long id, VersionCheck check, Function<Skill, SkillContent> change, Instant now) {
        AtomicReference<SkillContent> attempted = new AtomicReference<>();
        Flux<Skill> modified = CallerWork.inTransaction(operations, connection -> {
            // The row is read to the end before the next statement: one connection runs one statement at a time.
            return rowsOf(connection.createStatement(SkillStatements.SELECT_FOR_UPDATE).bind("$1", id))
                    .map(SkillRowMapper::toSkill)
                    .singleOrEmpty()
                    .flatMap(current -> {
                        if (!check.accepts(current.version())) {
                            return Mono.error(new StaleSkillVersion(id, current.version()));
                        }
                        SkillContent content = change.apply(current);
                        attempted.set(content);
                        if (content.equals(current.content())) {
                            return Mono.just(current);
                        }
                        Statement write = bindContent(connection.createStatement(SkillStatements.REPLACE), content)
                                .bind("$4", now).bind("$5", id).bind("$6", new Long[] {current.version()}).bind("$7", aliases(content));
                        return rowsOf(write).map(SkillRowMapper::toSkill).single();
                    });
        });
        return modified.singleOrEmpty()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(error -> attempted.get() == null ? Mono.error(StoreFailures.translate(error))
                        : failed(error, attempted.get()))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Boolean> delete(long id, VersionCheck check) {
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.DELETE)
                        .bind("$1", id).bind("$2", versions(check)).execute())
                        .concatMap(Result::getRowsUpdated))
                .reduce(0L, Long::sum)
                .flatMap(deleted -> deleted > 0 ? Mono.just(true) : staleOrMissing(id, check).thenReturn(false))
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
    }

    @Override
    public CompletionStage<Long> forgetIdempotencyKeysBefore(Instant cutoff) {
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.FORGET_KEYS)
                        .bind("$1", cutoff).execute())
                        .concatMap(Result::getRowsUpdated))
                .reduce(0L, Long::sum)
                .onErrorMap(error -> StoreFailures.translate(error))
                .as(CallerWork::future);
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
        return CallerWork.onConnection(operations, work);
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

    private CompletionStage<Optional<Skill>> optional(Mono<Skill> skill, SkillContent attempted) {
        return skill.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(error -> attempted == null ? Mono.error(StoreFailures.translate(error)) : failed(error, attempted))
                .as(CallerWork::future);
    }

    /**
     * The domain failure behind a write's error. A name or alias another skill has becomes
     * {@link DuplicateSkillName} naming that skill, looked up once the failed statement is over (the holder
     * committed it, or the index would not have refused ours).
     */
    private <T> Mono<T> failed(Throwable error, SkillContent attempted) {
        Throwable translated = StoreFailures.translate(error, attempted);
        if (!(translated instanceof DuplicateSkillName duplicate)) {
            return Mono.error(translated);
        }
        return withConnection(connection -> Flux.from(connection.createStatement(SkillStatements.HOLDER)
                        .bind("$1", SkillContent.keyOf(duplicate.name())).execute())
                        .concatMap(result -> result.map((row, metadata) -> row.get("skill_id", Long.class))))
                .next()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorReturn(Optional.empty())
                .flatMap(holder -> Mono.error(new DuplicateSkillName(duplicate.name(), holder)));
    }

    private static String[] aliases(SkillContent content) {
        return content.aliases().toArray(String[]::new);
    }

    private static void bindNullable(Statement statement, String parameter, Optional<String> value) {
        value.ifPresentOrElse(text -> statement.bind(parameter, text), () -> statement.bindNull(parameter, String.class));
    }
}
