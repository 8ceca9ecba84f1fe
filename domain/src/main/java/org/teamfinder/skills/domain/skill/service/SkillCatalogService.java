package org.teamfinder.skills.domain.skill.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import org.teamfinder.skills.domain.skill.CategoryCount;
import org.teamfinder.skills.domain.skill.Creation;
import org.teamfinder.skills.domain.skill.DuplicateSkillNames;
import org.teamfinder.skills.domain.shared.FieldProblem;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.InvalidSkill;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillBatchConflict;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.SkillPage;
import org.teamfinder.skills.domain.skill.SkillPatch;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.skill.port.in.ChangeSkills;
import org.teamfinder.skills.domain.skill.port.in.CreateSkills;
import org.teamfinder.skills.domain.skill.port.in.FindSkills;
import org.teamfinder.skills.domain.skill.port.in.ForgetExpiredIdempotencyKeys;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/**
 * The catalogue's use cases over any {@link SkillRepository}; free of any framework, so any program can wire
 * it. Callers see it through the narrow port they need.
 */
public final class SkillCatalogService implements CreateSkills, FindSkills, ChangeSkills, ForgetExpiredIdempotencyKeys {

    /** How long an idempotency key is remembered unless configured otherwise. */
    public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);

    private final SkillRepository repository;
    private final Clock clock;
    private final Duration idempotencyRetention;

    public SkillCatalogService(SkillRepository repository, Clock clock) {
        this(repository, clock, DEFAULT_IDEMPOTENCY_RETENTION);
    }

    public SkillCatalogService(SkillRepository repository, Clock clock, Duration idempotencyRetention) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.idempotencyRetention = Objects.requireNonNull(idempotencyRetention, "idempotencyRetention");
        if (idempotencyRetention.isNegative() || idempotencyRetention.isZero()) {
            throw new IllegalArgumentException("idempotency keys must be kept for some time, not " + idempotencyRetention);
        }
    }

    @Override
    public CompletionStage<Skill> create(SkillContent content) {
        return repository.insert(content, now());
    }

    @Override
    public CompletionStage<Creation> create(SkillContent content, IdempotencyKey key) {
        Instant now = now();
        return repository.insertOnce(key, content, now, now.minus(idempotencyRetention));
    }

    @Override
    public CompletionStage<List<Skill>> createAll(List<SkillContent> contents) {
        if (contents.isEmpty() || contents.size() > MAX_BATCH_SIZE) {
            return CompletableFuture.failedFuture(new InvalidSkill(List.of(new FieldProblem("skills",
                    "must hold 1 to " + MAX_BATCH_SIZE + " skills (had " + contents.size() + ")"))));
        }
        List<FieldProblem> repeated = repeatedNames(contents);
        if (!repeated.isEmpty()) {
            return CompletableFuture.failedFuture(new SkillBatchConflict(repeated));
        }
        return repository.insertAll(contents, now()).exceptionallyCompose(failure -> {
            if (unwrap(failure) instanceof DuplicateSkillNames taken) {
                return CompletableFuture.failedFuture(new SkillBatchConflict(takenNames(contents, taken)));
            }
            return CompletableFuture.failedFuture(failure);
        });
    }

    @Override
    public CompletionStage<Skill> get(long id) {
        return repository.findById(id).thenCompose(found -> orNotFound(found, id));
    }

    @Override
    public CompletionStage<SkillPage> list(SkillQuery query) {
        return repository.find(query);
    }

    @Override
    public CompletionStage<List<CategoryCount>> categories() {
        return repository.categories();
    }

    @Override
    public CompletionStage<Skill> update(long id, SkillContent content, VersionCheck check) {
        return repository.replace(id, content, now(), check).thenCompose(replaced -> orNotFound(replaced, id));
    }

    @Override
    public CompletionStage<Skill> patch(long id, SkillPatch patch, VersionCheck check) {
        return repository.modify(id, check, current -> patch.applyTo(current.content()), now())
                .thenCompose(patched -> orNotFound(patched, id));
    }

    @Override
    public CompletionStage<Void> delete(long id, VersionCheck check) {
        return repository.delete(id, check).thenCompose(deleted -> deleted
                ? CompletableFuture.<Void>completedFuture(null)
                : CompletableFuture.<Void>failedFuture(new SkillNotFound(id)));
    }

    @Override
    public CompletionStage<Long> forgetExpired() {
        return repository.forgetIdempotencyKeysBefore(now().minus(idempotencyRetention));
    }

    // PostgreSQL keeps microseconds; truncating here makes what we return equal to what is stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static CompletionStage<Skill> orNotFound(Optional<Skill> skill, long id) {
        return skill.map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new SkillNotFound(id)));
    }

    private static List<FieldProblem> repeatedNames(List<SkillContent> contents) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            Integer first = firstIndex.putIfAbsent(contents.get(i).nameKey(), i);
            if (first != null) {
                problems.add(new FieldProblem(itemField(i), "repeats the name of skills[" + first + "] (names are compared ignoring case)"));
            }
        }
        return problems;
    }

    private static List<FieldProblem> takenNames(List<SkillContent> contents, DuplicateSkillNames taken) {
        List<String> takenKeys = taken.takenNames().stream().map(name -> SkillContent.of(name, null, null).nameKey()).toList();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            if (takenKeys.contains(contents.get(i).nameKey())) {
                problems.add(new FieldProblem(itemField(i), "is taken: a skill named '" + contents.get(i).name() + "' already exists"));
            }
        }
        return problems;
    }

    private static String itemField(int index) {
        return "skills[" + index + "].name";
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
