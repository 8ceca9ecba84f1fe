package org.teamfinder.skills.domain.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.teamfinder.skills.domain.skill.CategoryCount;
import org.teamfinder.skills.domain.skill.Creation;
import org.teamfinder.skills.domain.skill.DuplicateSkillName;
import org.teamfinder.skills.domain.skill.DuplicateSkillNames;
import org.teamfinder.skills.domain.skill.IdempotencyKey;
import org.teamfinder.skills.domain.skill.IdempotencyKeyReused;
import org.teamfinder.skills.domain.skill.Skill;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.SkillPage;
import org.teamfinder.skills.domain.skill.SkillPosition;
import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SortDirection;
import org.teamfinder.skills.domain.skill.StaleSkillVersion;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/**
 * A {@link SkillRepository} in memory, for tests of anything built on the domain. Thread-safe. Names sort
 * by their lower-case form's code units, which agrees with the database's collation for plain ASCII
 * names.
 */
public final class InMemorySkillRepository implements SkillRepository {

    private record KeyUse(Instant firstUsed, Skill created) {
    }

    private final Map<Long, Skill> skills = new TreeMap<>();
    private final Map<IdempotencyKey, KeyUse> keys = new HashMap<>();
    private long lastId;

    @Override
    public synchronized CompletionStage<Skill> insert(SkillContent content, Instant now) {
        if (nameTakenByOther(content, null)) {
            return CompletableFuture.failedFuture(new DuplicateSkillName(content.name()));
        }
        return CompletableFuture.completedFuture(store(content, now));
    }

    @Override
    public synchronized CompletionStage<Creation> insertOnce(IdempotencyKey key, SkillContent content, Instant now,
                                                             Instant keysKeptSince) {
        KeyUse use = keys.get(key);
        if (use != null && !use.firstUsed().isBefore(keysKeptSince)) {
            return use.created().content().equals(content)
                    ? CompletableFuture.completedFuture(new Creation(use.created(), true))
                    : CompletableFuture.failedFuture(new IdempotencyKeyReused(key));
        }
        return insert(content, now).thenApply(skill -> {
            keys.put(key, new KeyUse(now, skill));
            return new Creation(skill, false);
        });
    }

    @Override
    public synchronized CompletionStage<List<Skill>> insertAll(List<SkillContent> contents, Instant now) {
        List<String> taken = contents.stream().filter(content -> nameTakenByOther(content, null)).map(SkillContent::name).toList();
        if (!taken.isEmpty()) {
            return CompletableFuture.failedFuture(new DuplicateSkillNames(taken));
        }
        List<Skill> stored = new ArrayList<>();
        contents.forEach(content -> stored.add(store(content, now)));
        return CompletableFuture.completedFuture(stored);
    }

    @Override
    public synchronized CompletionStage<Optional<Skill>> findById(long id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(skills.get(id)));
    }

    @Override
    public synchronized CompletionStage<SkillPage> find(SkillQuery query) {
        Comparator<SkillPosition> order = order(query);
        Stream<Skill> matching = skills.values().stream()
                .filter(skill -> query.category().map(category -> skill.category().filter(category::equals).isPresent()).orElse(true))
                .filter(skill -> query.nameContains().map(text -> skill.content().nameKey().contains(text.toLowerCase(Locale.ROOT))).orElse(true))
                .sorted(Comparator.comparing(SkillPosition::of, order));
        Predicate<Skill> afterPosition = skill -> query.after()
                .map(position -> order.compare(SkillPosition.of(skill), position) > 0).orElse(true);
        List<Skill> fetched = matching.filter(afterPosition).skip(query.offset()).limit(query.limit() + 1L).toList();
        return CompletableFuture.completedFuture(SkillPage.fromOneMoreThan(fetched, query.limit()));
    }

    @Override
    public synchronized CompletionStage<List<CategoryCount>> categories() {
        Map<String, Long> counts = new TreeMap<>();
        skills.values().forEach(skill -> skill.category().ifPresent(category -> counts.merge(category, 1L, Long::sum)));
        return CompletableFuture.completedFuture(counts.entrySet().stream()
                .map(entry -> new CategoryCount(entry.getKey(), entry.getValue())).toList());
    }

    @Override
    public synchronized CompletionStage<Optional<Skill>> replace(long id, SkillContent content, Instant now, VersionCheck check) {
        Skill current = skills.get(id);
        if (current == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!check.accepts(current.version())) {
            return CompletableFuture.failedFuture(new StaleSkillVersion(id, current.version()));
        }
        if (nameTakenByOther(content, id)) {
            return CompletableFuture.failedFuture(new DuplicateSkillName(content.name()));
        }
        Skill replaced = new Skill(id, content, current.createdAt(), now, current.version() + 1);
        skills.put(id, replaced);
        return CompletableFuture.completedFuture(Optional.of(replaced));
    }

    @Override
    public synchronized CompletionStage<Optional<Skill>> modify(long id, VersionCheck check, Function<Skill, SkillContent> change,
                                                                Instant now) {
        Skill current = skills.get(id);
        if (current == null) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        if (!check.accepts(current.version())) {
            return CompletableFuture.failedFuture(new StaleSkillVersion(id, current.version()));
        }
        SkillContent content;
        try {
            content = change.apply(current);
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
        if (content.equals(current.content())) {
            return CompletableFuture.completedFuture(Optional.of(current));
        }
        return replace(id, content, now, VersionCheck.exactly(current.version()));
    }

    @Override
    public synchronized CompletionStage<Boolean> delete(long id, VersionCheck check) {
        Skill current = skills.get(id);
        if (current != null && !check.accepts(current.version())) {
            return CompletableFuture.failedFuture(new StaleSkillVersion(id, current.version()));
        }
        return CompletableFuture.completedFuture(skills.remove(id) != null);
    }

    @Override
    public synchronized CompletionStage<Long> forgetIdempotencyKeysBefore(Instant cutoff) {
        long before = keys.size();
        keys.values().removeIf(use -> use.firstUsed().isBefore(cutoff));
        return CompletableFuture.completedFuture(before - keys.size());
    }

    private Skill store(SkillContent content, Instant now) {
        Skill skill = new Skill(++lastId, content, now, now, 1);
        skills.put(skill.id(), skill);
        return skill;
    }

    private boolean nameTakenByOther(SkillContent content, Long ownId) {
        return skills.values().stream()
                .anyMatch(skill -> !Long.valueOf(skill.id()).equals(ownId) && skill.content().nameKey().equals(content.nameKey()));
    }

    private static Comparator<SkillPosition> order(SkillQuery query) {
        Comparator<SkillPosition> byId = Comparator.comparingLong(SkillPosition::id);
        Comparator<SkillPosition> order = switch (query.sort()) {
            case ID -> byId;
            case NAME -> Comparator.comparing((SkillPosition position) -> SkillContent.of(position.name(), null, null).nameKey());
            case CREATED_AT -> Comparator.comparing(SkillPosition::createdAt).thenComparing(byId);
        };
        return query.direction() == SortDirection.DESC ? order.reversed() : order;
    }
}
