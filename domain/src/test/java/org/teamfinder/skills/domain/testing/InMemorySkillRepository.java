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

import org.teamfinder.skills.domain.shared.FieldProblem;
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
import org.teamfinder.skills.domain.skill.MergedSkill;
import org.teamfinder.skills.domain.skill.SkillMerged;
import org.teamfinder.skills.domain.skill.SkillNotFound;
import org.teamfinder.skills.domain.skill.SkillUse;
import org.teamfinder.skills.domain.skill.Suggestion;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.Typos;
import org.teamfinder.skills.domain.skill.UnknownSkills;
import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.VocabularyTally;
import org.teamfinder.skills.domain.skill.VersionCheck;
import org.teamfinder.skills.domain.skill.port.out.SkillRepository;

/**
 * A {@link SkillRepository} in memory, for tests of anything built on the domain. Thread-safe. Names sort
 * by their lower-case form's code units, which agrees with the database's collation for plain ASCII
 * names; the typeahead's near misses are every name within the typos allowed (the database reads only the
 * nearest few by trigram distance).
 */
public final class InMemorySkillRepository implements SkillRepository {

    private record KeyUse(Instant firstUsed, Skill created) {
    }

    private record Loaded(String source, String key, String language) {
    }

    private final Map<Long, Skill> skills = new TreeMap<>();
    private final Map<IdempotencyKey, KeyUse> keys = new HashMap<>();
    private final Map<Long, Long> mergedInto = new HashMap<>();
    private final Map<Loaded, Optional<Long>> vocabulary = new HashMap<>();
    private long lastId;

    @Override
    public synchronized CompletionStage<Skill> insert(SkillContent content, Instant now) {
        Optional<DuplicateSkillName> taken = takenByOther(content, null);
        if (taken.isPresent()) {
            return CompletableFuture.failedFuture(taken.get());
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
        List<String> taken = contents.stream().flatMap(content -> takenByOther(content, null).stream()).map(DuplicateSkillName::name).toList();
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
        Optional<DuplicateSkillName> taken = takenByOther(content, id);
        if (taken.isPresent()) {
            return CompletableFuture.failedFuture(taken.get());
        }
        Skill replaced = new Skill(id, content, current.createdAt(), now, current.version() + 1, current.popularity(), current.mergedFrom());
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

    @Override
    public synchronized CompletionStage<Optional<Skill>> findByName(String key) {
        return CompletableFuture.completedFuture(holder(key).map(skills::get));
    }

    @Override
    public synchronized CompletionStage<Optional<Long>> findMergeTarget(long id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(mergedInto.get(id)));
    }

    @Override
    public synchronized CompletionStage<List<Suggestion>> suggest(SuggestQuery query) {
        String text = query.key();
        int typos = Typos.allowed(text);
        Map<Long, Suggestion> best = new HashMap<>();
        for (Skill skill : skills.values()) {
            if (query.category().isPresent() && !skill.category().equals(query.category())) {
                continue;
            }
            for (String name : names(skill.content())) {
                String key = SkillContent.keyOf(name);
                Suggestion.Match match = key.equals(text) ? Suggestion.Match.EXACT
                        : key.startsWith(text) ? Suggestion.Match.PREFIX
                        : words(key).stream().skip(1).anyMatch(word -> word.startsWith(text)) ? Suggestion.Match.WORD
                        : typos > 0 && Typos.distance(text, key, typos) <= typos ? Suggestion.Match.TYPO : null;
                if (match != null) {
                    Suggestion hit = new Suggestion(skill.id(), skill.name(), skill.category(), skill.popularity(), name,
                            !name.equals(skill.name()), match);
                    best.merge(skill.id(), hit, (one, other) -> SUGGESTION_ORDER.compare(one, other) <= 0 ? one : other);
                }
            }
        }
        return CompletableFuture.completedFuture(best.values().stream().sorted(SUGGESTION_ORDER).limit(query.limit()).toList());
    }

    private static final Comparator<Suggestion> SUGGESTION_ORDER = Comparator.comparing(Suggestion::match)
            .thenComparing(Comparator.comparingLong(Suggestion::popularity).reversed())
            .thenComparing(hit -> SkillContent.keyOf(hit.matched()));

    private static List<String> words(String key) {
        return List.of(key.split("[\\s/,;:()+_-]+|\\.(?=\\w)"));
    }

    @Override
    public synchronized CompletionStage<Skill> merge(long source, VersionCheck sourceCheck, long target, VersionCheck targetCheck, Instant now) {
        for (long id : new long[] {source, target}) {
            if (!skills.containsKey(id)) {
                return CompletableFuture.failedFuture(mergedInto.containsKey(id) ? new SkillMerged(id, mergedInto.get(id)) : new SkillNotFound(id));
            }
        }
        Skill from = skills.get(source);
        Skill into = skills.get(target);
        if (!sourceCheck.accepts(from.version())) {
            return CompletableFuture.failedFuture(new StaleSkillVersion(source, from.version()));
        }
        if (!targetCheck.accepts(into.version())) {
            return CompletableFuture.failedFuture(new StaleSkillVersion(target, into.version()));
        }
        List<String> aliases = new ArrayList<>(into.aliases());
        aliases.addAll(names(from.content()));
        java.util.Set<String> seen = new java.util.HashSet<>(List.of(into.content().nameKey()));
        SkillContent content;
        try {
            content = into.content().withAliases(aliases.stream().filter(alias -> seen.add(SkillContent.keyOf(alias))).toList());
        } catch (RuntimeException tooMany) {
            return CompletableFuture.failedFuture(tooMany);
        }
        skills.remove(source);
        mergedInto.replaceAll((merged, holder) -> holder == source ? target : holder);
        mergedInto.put(source, target);
        List<MergedSkill> mergedFrom = new ArrayList<>(into.mergedFrom());
        mergedFrom.add(new MergedSkill(source, from.name()));
        Skill merged = new Skill(target, content, into.createdAt(), now, into.version() + 1, into.popularity() + from.popularity(), mergedFrom);
        skills.put(target, merged);
        return CompletableFuture.completedFuture(merged);
    }

    @Override
    public synchronized CompletionStage<Void> addUses(List<SkillUse> uses) {
        List<FieldProblem> unknown = new ArrayList<>();
        Map<Long, Long> counts = new HashMap<>();
        for (int i = 0; i < uses.size(); i++) {
            SkillUse use = uses.get(i);
            Optional<Long> id = use.id().filter(skills::containsKey).or(() -> use.name().flatMap(name -> holder(SkillContent.keyOf(name))));
            if (id.isEmpty()) {
                unknown.add(use.id().isPresent() ? new FieldProblem("uses[" + i + "].skill", "no skill has id " + use.id().get())
                        : new FieldProblem("uses[" + i + "].name", "no skill is named '" + use.name().get() + "', nor has it as an alias"));
            } else {
                counts.merge(id.get(), use.count(), Long::sum);
            }
        }
        if (!unknown.isEmpty()) {
            return CompletableFuture.failedFuture(new UnknownSkills(unknown));
        }
        counts.forEach(this::addPopularity);
        return CompletableFuture.completedFuture(null);
    }

    /** Adds to a skill's popularity, as imports and reported uses do. */
    public synchronized void addPopularity(long id, long count) {
        skills.computeIfPresent(id, (key, skill) -> new Skill(skill.id(), skill.content(), skill.createdAt(), skill.updatedAt(), skill.version(),
                skill.popularity() + count, skill.mergedFrom()));
    }

    @Override
    public synchronized CompletionStage<VocabularyTally> loadVocabulary(List<VocabularyEntry> entries, Instant now) {
        int created = 0;
        int aliasesAdded = 0;
        int loadedBefore = 0;
        int nameTaken = 0;
        for (VocabularyEntry entry : entries) {
            Loaded loaded = new Loaded(entry.source(), entry.key(), entry.language());
            if (vocabulary.containsKey(loaded)) {
                loadedBefore++;
                continue;
            }
            List<String> free = names(entry.content()).stream().filter(name -> holder(SkillContent.keyOf(name)).isEmpty()).toList();
            Optional<Long> concept = vocabulary.entrySet().stream()
                    .filter(known -> known.getKey().source().equals(entry.source()) && known.getKey().key().equals(entry.key()))
                    .flatMap(known -> known.getValue().stream()).filter(skills::containsKey).findFirst();
            if (concept.isPresent()) {
                Skill skill = skills.get(concept.get());
                List<String> aliases = new ArrayList<>(skill.aliases());
                aliases.addAll(free);
                List<String> kept = aliases.subList(0, Math.min(aliases.size(), SkillContent.MAX_ALIASES));
                aliasesAdded += kept.size() - skill.aliases().size();
                skills.put(skill.id(), new Skill(skill.id(), skill.content().withAliases(kept), skill.createdAt(), now, skill.version() + 1,
                        skill.popularity(), skill.mergedFrom()));
                vocabulary.put(loaded, concept);
            } else if (holder(entry.content().nameKey()).isPresent()) {
                nameTaken++;
                vocabulary.put(loaded, holder(entry.content().nameKey()));
            } else {
                created++;
                vocabulary.put(loaded, Optional.of(store(entry.content().withAliases(free.subList(1, free.size())), now).id()));
            }
        }
        return CompletableFuture.completedFuture(new VocabularyTally(created, aliasesAdded, loadedBefore, nameTaken));
    }

    private Skill store(SkillContent content, Instant now) {
        Skill skill = new Skill(++lastId, content, now, now, 1);
        skills.put(skill.id(), skill);
        return skill;
    }

    private static List<String> names(SkillContent content) {
        List<String> names = new ArrayList<>();
        names.add(content.name());
        names.addAll(content.aliases());
        return names;
    }

    /** The skill whose name or alias has this key. */
    private Optional<Long> holder(String key) {
        return skills.values().stream().filter(skill -> names(skill.content()).stream().anyMatch(name -> SkillContent.keyOf(name).equals(key)))
                .map(Skill::id).findFirst();
    }

    /** The first of the content's names or aliases another skill has, as a failure naming that skill. */
    private Optional<DuplicateSkillName> takenByOther(SkillContent content, Long ownId) {
        for (String name : names(content)) {
            Optional<Long> holder = holder(SkillContent.keyOf(name)).filter(id -> !id.equals(ownId));
            if (holder.isPresent()) {
                return Optional.of(new DuplicateSkillName(name, holder));
            }
        }
        return Optional.empty();
    }

    private static Comparator<SkillPosition> order(SkillQuery query) {
        Comparator<SkillPosition> byId = Comparator.comparingLong(SkillPosition::id);
        Comparator<SkillPosition> order = switch (query.sort()) {
            case ID -> byId;
            case NAME -> Comparator.comparing((SkillPosition position) -> SkillContent.of(position.name(), null, null).nameKey());
            case CREATED_AT -> Comparator.comparing(SkillPosition::createdAt).thenComparing(byId);
            case POPULARITY -> Comparator.comparingLong(SkillPosition::popularity).thenComparing(byId);
        };
        return query.direction() == SortDirection.DESC ? order.reversed() : order;
    }
}
