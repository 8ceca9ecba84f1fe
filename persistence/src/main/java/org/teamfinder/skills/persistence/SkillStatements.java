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

    static final String COLUMNS = "id, name, category, description, created_at, updated_at, version";

    /** The expression names are unique on and sorted by; it must match the indexes skill_name_key and skill_name_trgm. */
    private static final String NAME_KEY = "lower(name COLLATE \"und-x-icu\")";

    // An empty version array means "any version".
    static final String REPLACE = """
            UPDATE skill
               SET name = $1, category = $2, description = $3, updated_at = $4, version = version + 1
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
            INSERT INTO skill (name, category, description, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $4)
            RETURNING\s""" + COLUMNS;

    /** Batch names (as given) that stored skills already have, ignoring case. */
    static final String TAKEN_NAMES = """
            SELECT n AS name FROM unnest($1::text[]) AS n
             WHERE EXISTS (SELECT 1 FROM skill WHERE\s""" + NAME_KEY + " = lower(n COLLATE \"und-x-icu\"))";

    static final String INSERT_ALL = """
            INSERT INTO skill (name, category, description, created_at, updated_at)
            SELECT n, c, d, $4, $4
              FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS item(n, c, d, position)
             ORDER BY position
            RETURNING\s""" + COLUMNS;

    /**
     * Takes an idempotency key: inserts it, or takes it over when its earlier use has expired. Returns a
     * row only when this transaction now owns the key. A concurrent transaction holding the same key makes
     * this statement wait for its outcome.
     */
    static final String CLAIM_KEY = """
            INSERT INTO skill_creation_request (caller, idempotency_key, received_at) VALUES ($4, $1, $2)
            ON CONFLICT (caller, idempotency_key) DO UPDATE
               SET received_at = EXCLUDED.received_at, skill_id = NULL, name = NULL, category = NULL,
                   description = NULL, created_at = NULL
             WHERE skill_creation_request.received_at < $3
            RETURNING idempotency_key""";

    static final String RECORD_KEY_RESULT = """
            UPDATE skill_creation_request
               SET skill_id = $2, name = $3, category = $4, description = $5, created_at = $6
             WHERE caller = $7 AND idempotency_key = $1""";

    static final String KEY_RESULT = """
            SELECT skill_id AS id, name, category, description, created_at, created_at AS updated_at, 1::bigint AS version
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
