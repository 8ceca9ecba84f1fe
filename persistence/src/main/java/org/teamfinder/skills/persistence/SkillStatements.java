package org.teamfinder.skills.persistence;

import java.util.ArrayList;
import java.util.List;

import org.teamfinder.skills.domain.skill.SkillQuery;
import org.teamfinder.skills.domain.skill.SortDirection;

/**
 * The SQL of the skill tables, all of it written here: reads, conditional writes that carry their version
 * check, and listings shaped by the request (filters, order, keyset position). Only fixed SQL text is
 * concatenated; every value is a bound parameter.
 */
final class SkillStatements {

    static final String COLUMNS = "id, name, category, description, aliases, created_at, updated_at, version, popularity, merged_ids, merged_names";

    /** {@link #COLUMNS} of the skill table aliased {@code s}. */
    static final String S_COLUMNS = "s." + COLUMNS.replace(", ", ", s.");

    /** The expression names are unique on and sorted by; it must match the indexes skill_name_key and skill_name_trgm. */
    private static final String NAME_KEY = "lower(name COLLATE \"und-x-icu\")";

    // An empty version array means "any version".
    static final String REPLACE = """
            UPDATE skill
               SET name = $1, category = $2, description = $3, aliases = $7, updated_at = $4, version = version + 1
             WHERE id = $5 AND (cardinality($6::bigint[]) = 0 OR version = ANY($6::bigint[]))
            RETURNING\s""" + COLUMNS;

    static final String DELETE = "DELETE FROM skill WHERE id = $1 AND (cardinality($2::bigint[]) = 0 OR version = ANY($2::bigint[]))";

    static final String CURRENT_VERSION = "SELECT version FROM skill WHERE id = $1";

    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM skill WHERE id = $1";

    // Code-point order (COLLATE "C") is the same on every database, whatever its locale.
    static final String COUNT_BY_CATEGORY = """
            SELECT category, count(*) AS skills FROM skill
             WHERE category IS NOT NULL
             GROUP BY category
             ORDER BY category COLLATE "C\"""";

    /** The skill, locked against other writers until the transaction ends. */
    static final String SELECT_FOR_UPDATE = "SELECT " + COLUMNS + " FROM skill WHERE id = $1 FOR UPDATE";

    static final String INSERT = """
            INSERT INTO skill (name, category, description, aliases, created_at, updated_at)
            VALUES ($1, $2, $3, $5, $4, $4)
            RETURNING\s""" + COLUMNS;

    /** Names and aliases (as given) that stored skills already have as a name or alias, ignoring case. */
    static final String TAKEN_NAMES = """
            SELECT n AS name FROM unnest($1::text[]) AS n
             WHERE EXISTS (SELECT 1 FROM skill_name WHERE name_key = lower(n COLLATE "und-x-icu") COLLATE "C")""";

    /** The aliases of each item arrive joined by U+001F, a control character no name may hold. */
    static final String INSERT_ALL = """
            INSERT INTO skill (name, category, description, aliases, created_at, updated_at)
            SELECT n, c, d, string_to_array(a, chr(31)), $5, $5
              FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS item(n, c, d, a, position)
             ORDER BY position
            RETURNING\s""" + COLUMNS;

    static final char ALIAS_SEPARATOR = '\u001f';

    /** The skill that holds a name or alias (by its key). */
    static final String HOLDER = "SELECT skill_id FROM skill_name WHERE name_key = $1";

    static final String FIND_BY_NAME = "SELECT " + S_COLUMNS + " FROM skill_name n JOIN skill s ON s.id = n.skill_id WHERE n.name_key = $1";

    /** Where a merged skill's id leads. */
    static final String MERGE_TARGET = "SELECT target_id FROM skill_merge WHERE source_id = $1";

    /** Both skills of a merge, locked in id order so that two merges of the same pair cannot deadlock. */
    static final String LOCK_PAIR = "SELECT " + COLUMNS + " FROM skill WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE";

    /** Skills merged earlier into the source lead to the target from now on: chains stay one step long. */
    static final String REDIRECT_MERGES = "UPDATE skill_merge SET target_id = $2 WHERE target_id = $1";

    static final String REMOVE_MERGED = "DELETE FROM skill WHERE id = $1";

    /** The target takes the source's names as aliases ($2), its popularity ($3), and records the merge. */
    static final String ABSORB = """
            UPDATE skill
               SET aliases = $2, popularity = popularity + $3, merged_ids = merged_ids || $4::bigint,
                   merged_names = merged_names || $5::text, updated_at = $6, version = version + 1
             WHERE id = $1
            RETURNING\s""" + COLUMNS;

    static final String RECORD_MERGE = "INSERT INTO skill_merge (source_id, target_id, source_name, merged_at) VALUES ($1, $2, $3, $4)";

    /** The skills that hold the given name keys. */
    static final String HOLDERS = "SELECT name_key, skill_id FROM skill_name WHERE name_key = ANY($1::text[])";

    /** Locks skills in id order (so concurrent counters cannot deadlock); a row per skill that exists. */
    static final String LOCK_IDS = "SELECT id FROM skill WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE";

    /** Adds counts to popularity; the ids are distinct and locked. */
    static final String ADD_POPULARITY = """
            UPDATE skill s SET popularity = s.popularity + u.count
              FROM unnest($1::bigint[], $2::bigint[]) AS u(id, count)
             WHERE s.id = u.id""";

    /**
     * The typeahead's exact, prefix and word hits ($1 the text's key, $2 the first key after every key that
     * starts with it, $3 how many of each tier, $4 the text's length in characters), one row per name or
     * alias matched, with its tier (0 exact, 1 prefix, 2 word). A prefix is read one of two ways, decided by
     * a probe of at most 5,000 keys: few names have it, so the range of the key's index is read and sorted
     * by popularity; or many do, so the names are walked in popularity order until enough match. The
     * {@code + 0} and {@code left(...)} keep each branch on its own index, and the exact key is asked as a
     * range so that it is read from the key's B-tree, never the trigram index. Words are read only when the
     * names with the prefix are fewer than wanted, at most 2,000 of them.
     */
    static final String SUGGEST = """
            WITH probe AS MATERIALIZED (
                SELECT count(*) AS names FROM (SELECT 1 FROM skill_name WHERE name_key >= $1 AND name_key < $2 LIMIT 5000) AS p)
            SELECT hit.tier, hit.matched, hit.is_alias, s.id, s.name, s.category, s.popularity
              FROM (
                (SELECT 0 AS tier, n.skill_id, n.name AS matched, n.is_alias, n.popularity, n.name_key
                   FROM skill_name n WHERE n.name_key >= $1 AND n.name_key <= $1)
                UNION ALL
                (SELECT 1, n.skill_id, n.name, n.is_alias, n.popularity, n.name_key
                   FROM skill_name n
                  WHERE n.name_key > $1 AND n.name_key < $2 AND (SELECT names FROM probe) < 5000
                  ORDER BY n.popularity + 0 DESC, n.name_key LIMIT $3)
                UNION ALL
                (SELECT 1, n.skill_id, n.name, n.is_alias, n.popularity, n.name_key
                   FROM skill_name n
                  WHERE left(n.name_key, $4) = $1 AND n.name_key <> $1 AND (SELECT names FROM probe) >= 5000
                  ORDER BY n.popularity DESC, n.name_key LIMIT $3)
                UNION ALL
                (SELECT 2, n.skill_id, n.name, n.is_alias, n.popularity, n.name_key
                   FROM (SELECT DISTINCT w.name_key FROM skill_name_word w
                          WHERE w.word_key >= $1 AND w.word_key < $2 AND (SELECT names FROM probe) < $3
                          LIMIT 2000) AS word
                   JOIN skill_name n ON n.name_key = word.name_key
                  WHERE n.name_key NOT LIKE $1 || '%'
                  ORDER BY n.popularity DESC, n.name_key LIMIT $3)
              ) AS hit
              -- One skill per hit, looked up by id: the LIMIT keeps PostgreSQL from joining all skills at once.
              CROSS JOIN LATERAL (SELECT id, name, category, popularity FROM skill WHERE id = hit.skill_id LIMIT 1) AS s
             ORDER BY hit.tier, hit.popularity DESC, hit.name_key""";

    /** Which entries of a vocabulary ($1) were loaded, of those with these keys ($2). */
    static final String VOCABULARY_LOADED = """
            SELECT key, language, skill_id FROM vocabulary_entry WHERE source = $1 AND key = ANY($2::text[])""";

    /** Adds aliases to a skill (within the most a skill may have) and answers how many it took. */
    static final String APPEND_ALIASES = """
            WITH before AS (SELECT id, cardinality(aliases) AS aliases FROM skill WHERE id = $1 FOR UPDATE)
            UPDATE skill s SET aliases = (s.aliases || $2::text[])[1:100], updated_at = $3, version = s.version + 1
              FROM before
             WHERE s.id = before.id
            RETURNING cardinality(s.aliases) - before.aliases AS added""";

    static final String RECORD_VOCABULARY = """
            INSERT INTO vocabulary_entry (source, key, language, skill_id, loaded_at)
            SELECT $1, key, language, skill_id, $5 FROM unnest($2::text[], $3::text[], $4::bigint[]) AS entry(key, language, skill_id)
            ON CONFLICT DO NOTHING""";

    /**
     * Candidates for near misses of the text's key ($1): names and aliases of a length from $6 to $7 that start
     * like it ($2 to $3) or end like it (reversed, $4 to $5), at most 2,000 of each read, kept when within $8
     * Levenshtein edits (a swap of neighbours counts two there; the exact count is the caller's).
     */
    static final String TYPO_CANDIDATES = """
            SELECT n.name AS matched, n.name_key, n.is_alias, s.id, s.name, s.category, s.popularity
              FROM (SELECT name_key FROM (SELECT name_key FROM skill_name
                                           WHERE name_key >= $2 AND name_key < $3 AND char_length(name_key) BETWEEN $6 AND $7
                                           LIMIT 2000) AS starting
                     WHERE levenshtein_less_equal(name_key, $1, $8) <= $8
                    UNION
                    SELECT name_key FROM (SELECT name_key FROM skill_name
                                           WHERE reverse(name_key) >= $4 AND reverse(name_key) < $5 AND char_length(name_key) BETWEEN $6 AND $7
                                           LIMIT 2000) AS ending
                     WHERE levenshtein_less_equal(name_key, $1, $8) <= $8) AS near
              JOIN skill_name n ON n.name_key = near.name_key
              CROSS JOIN LATERAL (SELECT id, name, category, popularity FROM skill WHERE id = n.skill_id LIMIT 1) AS s""";


    /**
     * Takes an idempotency key: inserts it, or takes it over when its earlier use has expired. Returns a
     * row only when this transaction now owns the key. A concurrent transaction holding the same key makes
     * this statement wait for its outcome.
     */
    static final String CLAIM_KEY = """
            INSERT INTO skill_creation_request (caller, idempotency_key, received_at) VALUES ($4, $1, $2)
            ON CONFLICT (caller, idempotency_key) DO UPDATE
               SET received_at = EXCLUDED.received_at, skill_id = NULL, name = NULL, category = NULL,
                   description = NULL, aliases = NULL, created_at = NULL
             WHERE skill_creation_request.received_at < $3
            RETURNING idempotency_key""";

    static final String RECORD_KEY_RESULT = """
            UPDATE skill_creation_request
               SET skill_id = $2, name = $3, category = $4, description = $5, created_at = $6, aliases = $8
             WHERE caller = $7 AND idempotency_key = $1""";

    static final String KEY_RESULT = """
            SELECT skill_id AS id, name, category, description, coalesce(aliases, '{}') AS aliases, created_at,
                   created_at AS updated_at, 1::bigint AS version, 0::bigint AS popularity, '{}'::bigint[] AS merged_ids,
                   '{}'::text[] AS merged_names
              FROM skill_creation_request WHERE caller = $2 AND idempotency_key = $1""";

    static final String FORGET_KEYS = "DELETE FROM skill_creation_request WHERE received_at < $1";

    private SkillStatements() {
    }

    /**
     * Makes PostgreSQL plan the next statements of the transaction for their actual parameters. The
     * driver prepares statements once and PostgreSQL may then settle on one generic plan, which cannot see
     * how rare a name pattern is: it would walk an ordered index and filter, reading the whole table for
     * a rare piece of name, instead of asking the trigram index.
     */
    static final String PLAN_FOR_ACTUAL_PARAMETERS = "SET LOCAL plan_cache_mode = force_custom_plan";

    /**
     * A SELECT for one page of a listing, the values to bind to it in order ($1, $2, ...), and whether it
     * must be planned for those values (see {@link #PLAN_FOR_ACTUAL_PARAMETERS}).
     */
    record Select(String sql, List<Object> parameters, boolean needsCustomPlan) {
    }

    static Select find(SkillQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        query.category().ifPresent(category -> {
            parameters.add(category);
            conditions.add("category = $" + parameters.size());
        });
        query.nameContains().ifPresent(text -> {
            parameters.add("%" + escapeLike(text) + "%");
            conditions.add(NAME_KEY + " LIKE lower($" + parameters.size() + " COLLATE \"und-x-icu\")");
        });
        boolean descending = query.direction() == SortDirection.DESC;
        String after = descending ? "<" : ">";
        String direction = descending ? " DESC" : "";
        String order = switch (query.sort()) {
            case ID -> "id" + direction;
            case NAME -> NAME_KEY + direction;
            case CREATED_AT -> "created_at" + direction + ", id" + direction;
            case POPULARITY -> "popularity" + direction + ", id" + direction;
        };
        query.after().ifPresent(position -> {
            switch (query.sort()) {
                case ID -> {
                    parameters.add(position.id());
                    conditions.add("id " + after + " $" + parameters.size());
                }
                case NAME -> {
                    parameters.add(position.name());
                    conditions.add(NAME_KEY + " " + after + " lower($" + parameters.size() + " COLLATE \"und-x-icu\")");
                }
                case CREATED_AT -> {
                    parameters.add(position.createdAt());
                    parameters.add(position.id());
                    conditions.add("(created_at, id) " + after + " ($" + (parameters.size() - 1) + ", $" + parameters.size() + ")");
                }
                case POPULARITY -> {
                    parameters.add(position.popularity());
                    parameters.add(position.id());
                    conditions.add("(popularity, id) " + after + " ($" + (parameters.size() - 1) + ", $" + parameters.size() + ")");
                }
            }
        });
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM skill");
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        sql.append(" ORDER BY ").append(order);
        // One row more than the page tells whether another page follows.
        parameters.add(query.limit() + 1);
        sql.append(" LIMIT $").append(parameters.size());
        if (query.offset() > 0) {
            parameters.add(query.offset());
            sql.append(" OFFSET $").append(parameters.size());
        }
        return new Select(sql.toString(), parameters, query.nameContains().isPresent());
    }

    /** The text as a LIKE pattern that matches it literally (backslash is LIKE's default escape). */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
