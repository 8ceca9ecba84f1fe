package org.teamfinder.skills.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micronaut.data.r2dbc.operations.R2dbcOperations;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.Row;
import org.teamfinder.skills.domain.skill.SkillContent;
import org.teamfinder.skills.domain.skill.Suggestion;
import org.teamfinder.skills.domain.skill.Suggestion.Match;
import org.teamfinder.skills.domain.skill.SuggestQuery;
import org.teamfinder.skills.domain.skill.Typos;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The typeahead on PostgreSQL: exact, prefix and word hits in one statement ({@link SkillStatements#SUGGEST}),
 * then, only when nothing has the text exactly, the hits are fewer than asked for and the text is long
 * enough to allow typos, near misses ({@link SkillStatements#TYPO_CANDIDATES}), kept when within the typos
 * {@link Typos} allows. Each skill once, at its best.
 *
 * <p>A near miss keeps one end of the text whole: the typos touch at most two neighbouring characters each,
 * so with the text's first and last {@code (length - 2 * typos) / 2} characters as anchors, one of them is
 * intact whenever a single typo was made; with two typos at opposite ends the near miss is not found.
 */
final class SkillSuggestions {

    /** With a category, more hits are read per tier, as some will be of other categories. */
    private static final int CATEGORY_WIDENING = 10;
    private static final String AFTER_EVERY_CHARACTER = new String(Character.toChars(Character.MAX_CODE_POINT));

    private SkillSuggestions() {
    }

    static Mono<List<Suggestion>> suggest(R2dbcOperations operations, SuggestQuery query) {
        String key = query.key();
        int perTier = query.category().isPresent() ? Math.min(500, query.limit() * CATEGORY_WIDENING) : query.limit();
        return CallerWork.onConnection(operations, connection -> hits(connection, key, perTier).collectList()
                        .flatMap(found -> {
                            List<Suggestion> best = distinct(found, query, new ArrayList<>());
                            int typos = Typos.allowed(key);
                            boolean exact = found.stream().anyMatch(hit -> hit.match() == Match.EXACT);
                            if (best.size() >= query.limit() || typos == 0 || exact) {
                                return Mono.just(best);
                            }
                            return nearMisses(connection, key, typos).collectList().map(near -> distinct(near, query, best));
                        }))
                .single();
    }

    private static Flux<Suggestion> hits(Connection connection, String key, int perTier) {
        return Flux.from(connection.createStatement(SkillStatements.SUGGEST)
                        .bind("$1", key).bind("$2", key + AFTER_EVERY_CHARACTER).bind("$3", perTier)
                        .bind("$4", key.codePointCount(0, key.length()))
                        .execute())
                .concatMap(result -> result.map((row, metadata) -> suggestion(row, switch (row.get("tier", Integer.class)) {
                    case 0 -> Match.EXACT;
                    case 1 -> Match.PREFIX;
                    default -> Match.WORD;
                })));
    }

    /** Names within the typos allowed, the most popular first, then by name. */
    private static Flux<Suggestion> nearMisses(Connection connection, String key, int typos) {
        int length = key.codePointCount(0, key.length());
        int anchor = Math.max(1, (length - 2 * typos) / 2);
        String start = key.substring(0, key.offsetByCodePoints(0, anchor));
        String end = new StringBuilder(key.substring(key.offsetByCodePoints(0, length - anchor))).reverse().toString();
        return Flux.from(connection.createStatement(SkillStatements.TYPO_CANDIDATES)
                        .bind("$1", key)
                        .bind("$2", start).bind("$3", start + AFTER_EVERY_CHARACTER)
                        .bind("$4", end).bind("$5", end + AFTER_EVERY_CHARACTER)
                        .bind("$6", length - typos).bind("$7", length + typos)
                        .bind("$8", 2 * typos)
                        .execute())
                .concatMap(result -> result.map((row, metadata) -> Typos.distance(key, row.get("name_key", String.class), typos) <= typos
                        ? Optional.of(suggestion(row, Match.TYPO)) : Optional.<Suggestion>empty()))
                .flatMap(Mono::justOrEmpty)
                .sort(Comparator.comparingLong(Suggestion::popularity).reversed().thenComparing(hit -> SkillContent.keyOf(hit.matched())));
    }

    private static Suggestion suggestion(Row row, Match match) {
        return new Suggestion(row.get("id", Long.class), row.get("name", String.class), Optional.ofNullable(row.get("category", String.class)),
                row.get("popularity", Long.class), row.get("matched", String.class), row.get("is_alias", Boolean.class), match);
    }

    /** Adds the hits in order to {@code chosen}, each skill once, of the query's category only, up to its limit. */
    private static List<Suggestion> distinct(List<Suggestion> hits, SuggestQuery query, List<Suggestion> chosen) {
        Set<Long> seen = new HashSet<>();
        chosen.forEach(hit -> seen.add(hit.id()));
        for (Suggestion hit : hits) {
            if (chosen.size() == query.limit()) {
                break;
            }
            if (query.category().map(category -> hit.category().equals(Optional.of(category))).orElse(true) && seen.add(hit.id())) {
                chosen.add(hit);
            }
        }
        return chosen;
    }
}
