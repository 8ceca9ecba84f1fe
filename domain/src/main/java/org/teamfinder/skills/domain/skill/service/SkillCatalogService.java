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
import org.teamfinder.skills.domain.skill.VocabularyTally;
import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.Suggestion;
import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.SkillNameUnknown;
import org.teamfinder.skills.domain.skill.SkillMerged;
import org.teamfinder.skills.domain.skill.port.in.ChangeSkills;
import org.teamfinder.skills.domain.skill.port.in.CreateSkills;
import org.teamfinder.skills.domain.skill.port.in.FindSkills;
import org.teamfinder.skills.domain.skill.port.in.ForgetExpiredIdempotencyKeys;
import org.teamfinder.skills.domain.skill.port.in.SuggestSkills;
import org.teamfinder.skills.domain.skill.port.in.RecordSkillUses;
import org.teamfinder.skills.domain.skill.port.in.MergeSkills;
import org.teamfinder.skills.domain.skill.port.in.LoadVocabulary;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/**
 * The catalogue's use cases over any {@link SkillRepository}; free of any framework, so any program can wire
 * it. Callers see it through the narrow port they need.
 */
public final class SkillCatalogService implements CreateSkills, FindSkills, ChangeSkills, SuggestSkills, MergeSkills, RecordSkillUses,
        LoadVocabulary, ForgetExpiredIdempotencyKeys {

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
        if (contents.isEmpty() || contents.size() > CreateSkills.MAX_BATCH_SIZE) {
            return CompletableFuture.failedFuture(new InvalidSkill(List.of(new FieldProblem("skills",
                    "must hold 1 to " + CreateSkills.MAX_BATCH_SIZE + " skills (had " + contents.size() + ")"))));
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
        return repository.findById(id).thenCompose(found -> orMissing(found, id));
    }

    @Override
    public CompletionStage<Skill> resolve(String name) {
        String key = SkillContent.keyOf(name);
        if (key.isEmpty()) {
            return CompletableFuture.failedFuture(new SkillNameUnknown(name));
        }
        return repository.findByName(key).thenCompose(found -> found
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(new SkillNameUnknown(name.strip()))));
    }

    @Override
    public CompletionStage<List<Suggestion>> suggest(SuggestQuery query) {
        return repository.suggest(query);
    }

    @Override
    public CompletionStage<Skill> merge(long source, VersionCheck sourceCheck, long target, VersionCheck targetCheck) {
        if (source == target) {
            return CompletableFuture.failedFuture(new InvalidSkill(List.of(new FieldProblem("source", "cannot be the skill it is merged into"))));
        }
        return repository.merge(source, sourceCheck, target, targetCheck, now());
    }

    @Override
    public CompletionStage<Void> record(List<SkillUse> uses) {
        if (uses.isEmpty() || uses.size() > RecordSkillUses.MAX_BATCH_SIZE) {
            return CompletableFuture.failedFuture(new InvalidSkill(List.of(new FieldProblem("uses",
                    "must hold 1 to " + RecordSkillUses.MAX_BATCH_SIZE + " uses (had " + uses.size() + ")"))));
        }
        return repository.addUses(uses);
    }

    @Override
    public CompletionStage<VocabularyTally> load(List<VocabularyEntry> entries) {
        if (entries.isEmpty()) {
            return CompletableFuture.completedFuture(VocabularyTally.NONE);
        }
        return repository.loadVocabulary(entries, now());
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
        return repository.replace(id, content, now(), check).thenCompose(replaced -> orMissing(replaced, id));
    }

    @Override
    public CompletionStage<Skill> patch(long id, SkillPatch patch, VersionCheck check) {
        return repository.modify(id, check, current -> patch.applyTo(current.content()), now())
                .thenCompose(patched -> orMissing(patched, id));
    }

    @Override
    public CompletionStage<Void> delete(long id, VersionCheck check) {
        return repository.delete(id, check).thenCompose(deleted -> orMissing(deleted ? Optional.of(true) : Optional.empty(), id))
                .thenApply(deleted -> null);
    }

    @Override
    public CompletionStage<Long> forgetExpired() {
        return repository.forgetIdempotencyKeysBefore(now().minus(idempotencyRetention));
    }

    // PostgreSQL keeps microseconds; truncating here makes what we return equal to what is stored.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The skill, or why there is none: it was merged into another (whose id to use from now on), or never was. */
    private <T> CompletionStage<T> orMissing(Optional<T> found, long id) {
        if (found.isPresent()) {
            return CompletableFuture.completedFuture(found.get());
        }
        return repository.findMergeTarget(id).thenCompose(target -> CompletableFuture.failedFuture(
                target.<RuntimeException>map(into -> new SkillMerged(id, into)).orElseGet(() -> new SkillNotFound(id))));
    }

    /** Names and aliases that one item of a batch repeats from an earlier one, ignoring case. */
    private static List<FieldProblem> repeatedNames(List<SkillContent> contents) {
        Map<String, int[]> first = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            List<String> names = namesOf(contents.get(i));
            for (int n = 0; n < names.size(); n++) {
                int[] earlier = first.putIfAbsent(SkillContent.keyOf(names.get(n)), new int[] {i, n});
                if (earlier != null && earlier[0] != i) {
                    problems.add(new FieldProblem(nameField(i, n), n == 0 && earlier[1] == 0
                            ? "repeats the name of skills[" + earlier[0] + "] (names are compared ignoring case)"
                            : "repeats a name or alias of skills[" + earlier[0] + "] (names and aliases are compared ignoring case)"));
                }
            }
        }
        return problems;
    }

    private static List<FieldProblem> takenNames(List<SkillContent> contents, DuplicateSkillNames taken) {
        List<String> takenKeys = taken.takenNames().stream().map(SkillContent::keyOf).toList();
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            List<String> names = namesOf(contents.get(i));
            for (int n = 0; n < names.size(); n++) {
                if (takenKeys.contains(SkillContent.keyOf(names.get(n)))) {
                    problems.add(new FieldProblem(nameField(i, n), n == 0
                            ? "is taken: a skill named '" + names.get(n) + "' already exists"
                            : "is taken: another skill has '" + names.get(n) + "' as its name or an alias"));
                }
            }
        }
        return problems;
    }

    private static List<String> namesOf(SkillContent content) {
        List<String> names = new ArrayList<>();
        names.add(content.name());
        names.addAll(content.aliases());
        return names;
    }

    /** The field of an item's name ({@code n} 0) or of its alias {@code n - 1}. */
    private static String nameField(int index, int n) {
        return n == 0 ? itemField(index) : "skills[" + index + "].aliases[" + (n - 1) + "]";
    }

    private static String itemField(int index) {
        return "skills[" + index + "].name";
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
