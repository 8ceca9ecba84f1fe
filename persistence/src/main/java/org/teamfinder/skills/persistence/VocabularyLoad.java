package org.teamfinder.skills.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Result;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.VocabularyEntry;
import org.teamfinder.skills.domain.skill.VocabularyTally;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Loads a batch of vocabulary entries in one transaction (see LoadVocabulary): what was loaded before and
 * which names are taken are read first, then new skills are created together, other languages' labels of a
 * concept added as aliases, and every entry recorded as loaded. Should another writer take one of the names
 * meanwhile, the transaction fails on the unique index and the batch is read and tried again.
 */
final class VocabularyLoad {

    private static final int ATTEMPTS = 3;

    private record Loaded(String key, String language, Long skillId) {
    }

    private VocabularyLoad() {
    }

    static Mono<VocabularyTally> load(R2dbcOperations operations, List<VocabularyEntry> entries, Instant now) {
        Map<String, List<VocabularyEntry>> bySource = new LinkedHashMap<>();
        entries.forEach(entry -> bySource.computeIfAbsent(entry.source(), source -> new ArrayList<>()).add(entry));
        return Flux.fromIterable(bySource.values())
                .concatMap(batch -> CallerWork.inTransaction(operations, connection -> loadOne(connection, batch, now)).single()
                        .retryWhen(Retry.max(ATTEMPTS - 1).filter(StoreFailures::isDuplicateName)))
                .reduce(VocabularyTally.NONE, VocabularyTally::plus)
                .onErrorMap(error -> StoreFailures.translate(error));
    }

    private static Mono<VocabularyTally> loadOne(Connection connection, List<VocabularyEntry> entries, Instant now) {
        String source = entries.get(0).source();
        String[] keys = entries.stream().map(VocabularyEntry::key).distinct().toArray(String[]::new);
        String[] names = entries.stream().flatMap(entry -> StoreFailures.namesOf(entry.content()).stream()).map(SkillContent::keyOf)
                .distinct().toArray(String[]::new);
        return Flux.from(connection.createStatement(SkillStatements.VOCABULARY_LOADED).bind("$1", source).bind("$2", keys).execute())
                .concatMap(result -> result.map((row, metadata) -> new Loaded(row.get("key", String.class), row.get("language", String.class),
                        row.get("skill_id", Long.class))))
                .collectList()
                .zipWith(R2dbcSkillRepository.holders(connection, names))
                .flatMap(known -> new Plan(entries, known.getT1(), known.getT2()).carryOut(connection, source, now));
    }

    /** What to do with each entry of a batch, decided from what the catalogue already has. */
    private static final class Plan {

        private final List<VocabularyEntry> created = new ArrayList<>();
        private final Map<Long, List<String>> aliasesFor = new LinkedHashMap<>();
        private final List<VocabularyEntry> recorded = new ArrayList<>();
        private final List<Long> recordedSkills = new ArrayList<>();
        private int loadedBefore;
        private int nameTaken;

        Plan(List<VocabularyEntry> entries, List<Loaded> loaded, Map<String, Long> holders) {
            Set<String> loadedKeys = new HashSet<>();
            Map<String, Long> conceptSkill = new HashMap<>();
            for (Loaded entry : loaded) {
                loadedKeys.add(entry.key() + "\u0000" + entry.language());
                if (entry.skillId() != null) {
                    conceptSkill.putIfAbsent(entry.key(), entry.skillId());
                }
            }
            Set<String> claimed = new HashSet<>(holders.keySet());
            for (VocabularyEntry entry : entries) {
                if (!loadedKeys.add(entry.key() + "\u0000" + entry.language())) {
                    loadedBefore++;
                    continue;
                }
                List<String> free = StoreFailures.namesOf(entry.content()).stream().filter(name -> !claimed.contains(SkillContent.keyOf(name)))
                        .toList();
                Long concept = conceptSkill.get(entry.key());
                if (concept != null) {
                    // The same concept in another language: its labels become aliases of that concept's skill.
                    free.forEach(name -> claimed.add(SkillContent.keyOf(name)));
                    aliasesFor.computeIfAbsent(concept, id -> new ArrayList<>()).addAll(free);
                    record(entry, concept);
                } else if (claimed.contains(entry.content().nameKey())) {
                    nameTaken++;
                    record(entry, holders.get(entry.content().nameKey()));
                } else {
                    free.forEach(name -> claimed.add(SkillContent.keyOf(name)));
                    created.add(new VocabularyEntry(entry.source(), entry.key(), entry.language(),
                            entry.content().withAliases(free.subList(1, free.size()))));
                }
            }
        }

        private void record(VocabularyEntry entry, Long skill) {
            recorded.add(entry);
            recordedSkills.add(skill);
        }

        Mono<VocabularyTally> carryOut(Connection connection, String source, Instant now) {
            return create(connection, now)
                    .then(Flux.fromIterable(aliasesFor.entrySet())
                            .concatMap(entry -> Flux.from(connection.createStatement(SkillStatements.APPEND_ALIASES)
                                            .bind("$1", entry.getKey()).bind("$2", entry.getValue().toArray(String[]::new)).bind("$3", now)
                                            .execute())
                                    .concatMap(result -> result.map((row, metadata) -> row.get("added", Integer.class))))
                            .reduce(0, Integer::sum))
                    .flatMap(aliasesAdded -> recordAll(connection, source, now)
                            .thenReturn(new VocabularyTally(created.size(), aliasesAdded, loadedBefore, nameTaken)));
        }

        private Mono<Void> create(Connection connection, Instant now) {
            if (created.isEmpty()) {
                return Mono.empty();
            }
            String separator = String.valueOf(SkillStatements.ALIAS_SEPARATOR);
            return Flux.from(connection.createStatement(SkillStatements.INSERT_ALL)
                            .bind("$1", created.stream().map(entry -> entry.content().name()).toArray(String[]::new))
                            .bind("$2", created.stream().map(entry -> entry.content().category().orElse(null)).toArray(String[]::new))
                            .bind("$3", created.stream().map(entry -> entry.content().description().orElse(null)).toArray(String[]::new))
                            .bind("$4", created.stream().map(entry -> String.join(separator, entry.content().aliases())).toArray(String[]::new))
                            .bind("$5", now)
                            .execute())
                    .concatMap(result -> result.map((row, metadata) -> row.get("id", Long.class)))
                    .collectSortedList()
                    .doOnNext(ids -> {
                        // Identities are given in insertion order, which is the order of the entries.
                        for (int i = 0; i < ids.size(); i++) {
                            record(created.get(i), ids.get(i));
                        }
                    })
                    .then();
        }

        private Mono<Long> recordAll(Connection connection, String source, Instant now) {
            if (recorded.isEmpty()) {
                return Mono.just(0L);
            }
            return Flux.from(connection.createStatement(SkillStatements.RECORD_VOCABULARY)
                            .bind("$1", source)
                            .bind("$2", recorded.stream().map(VocabularyEntry::key).toArray(String[]::new))
                            .bind("$3", recorded.stream().map(VocabularyEntry::language).toArray(String[]::new))
                            .bind("$4", recordedSkills.toArray(Long[]::new))
                            .bind("$5", now)
                            .execute())
                    .concatMap(Result::getRowsUpdated)
                    .reduce(0L, Long::sum);
        }
    }
}
