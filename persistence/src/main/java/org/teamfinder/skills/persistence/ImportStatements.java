package org.teamfinder.skills.persistence;

/** The SQL of import jobs. Every value is a bound parameter. */
final class ImportStatements {

    static final String INSERT_JOB = """
            INSERT INTO import_job (category, created_at, pages_total) VALUES ($1, $2, $3)
            RETURNING id""";

    static final String INSERT_PAGES = """
            INSERT INTO import_page (job_id, position, url, host)
            SELECT $1, position::integer, url, host
              FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS page(url, host, position)""";

    /** The job and its pages in one statement, so counts and states come from one snapshot. */
    static final String JOB_WITH_PAGES = """
            SELECT j.id, j.category, j.created_at, j.cancelled_at, p.url, p.state, p.http_status, p.skills_found, p.skills_created,
                   p.skills_present, p.unchanged, p.error, p.finished_at
              FROM import_job j JOIN import_page p ON p.job_id = j.id
             WHERE j.id = $1
             ORDER BY p.position""";

    /**
     * Claims up to $6 pages for runner $1 for $2 seconds. Work is unfinished pages nobody holds: pending,
     * or claimed with a lease that has run out. Hosts are served oldest waiting page first, each up to
     * $5 pages minus what the runner already has in flight there ($3 hosts, $4 counts). FOR UPDATE SKIP
     * LOCKED makes concurrent runners pass over each other's rows instead of waiting or taking them twice;
     * a row another runner claimed meanwhile fails the re-checked condition and is left out.
     */
    static final String CLAIM = """
            UPDATE import_page p
               SET state = 'fetching', claimed_by = $1, attempts = p.attempts + 1,
                   lease_until = statement_timestamp() + make_interval(secs => $2)
             WHERE p.id IN (
                   SELECT work.id
                     FROM (SELECT host, min(id) AS oldest
                             FROM import_page
                            WHERE state = 'pending' OR (state = 'fetching' AND lease_until < statement_timestamp())
                            GROUP BY host
                            ORDER BY oldest
                            LIMIT 100) AS waiting
                     LEFT JOIN unnest($3::text[], $4::integer[]) AS busy(host, pages) ON busy.host = waiting.host
                    CROSS JOIN LATERAL (
                          SELECT w.id
                            FROM import_page w
                           WHERE w.host = waiting.host
                             AND (w.state = 'pending' OR (w.state = 'fetching' AND w.lease_until < statement_timestamp()))
                           ORDER BY w.id
                           LIMIT greatest($5 - coalesce(busy.pages, 0), 0)
                             FOR UPDATE SKIP LOCKED) AS work
                    ORDER BY waiting.oldest, work.id
                    LIMIT $6)
            RETURNING p.id, p.job_id, p.url, p.attempts, (SELECT category FROM import_job j WHERE j.id = p.job_id) AS category,
                      (SELECT etag FROM crawled_page c WHERE c.url = p.url) AS etag,
                      (SELECT last_modified FROM crawled_page c WHERE c.url = p.url) AS last_modified""";

    /** A job's suggestions, the most often given first. */
    static final String SUGGESTIONS = """
            SELECT name, pages, state, skill_id FROM import_suggestion WHERE job_id = $1 ORDER BY pages DESC, name_key""";

    /** Cancels job $1 at $2 (once): its pending pages are cancelled with it; pages in flight finish. */
    static final String CANCEL = """
            WITH job AS (UPDATE import_job SET cancelled_at = coalesce(cancelled_at, $2) WHERE id = $1 RETURNING id)
            UPDATE import_page p SET state = 'cancelled', finished_at = $2
              FROM job WHERE p.job_id = job.id AND p.state = 'pending'""";

    /**
     * Pages of cancelled jobs that are still waiting: pending (handed back by a runner that stopped after the
     * cancel) or held by a runner whose lease ran out. They are cancelled rather than claimed.
     */
    static final String SWEEP_CANCELLED = """
            UPDATE import_page p SET state = 'cancelled', claimed_by = NULL, lease_until = NULL, finished_at = statement_timestamp()
              FROM import_job j
             WHERE j.id = p.job_id AND j.cancelled_at IS NOT NULL
               AND (p.state = 'pending' OR (p.state = 'fetching' AND p.lease_until < statement_timestamp()))""";

    /** Decides open suggestion ($1, $2): $3 accepted (as skill $4) or dismissed, at $5; returns it as it now is. */
    static final String DECIDE = """
            WITH decided AS (
                UPDATE import_suggestion SET state = $3, skill_id = $4, decided_at = $5
                 WHERE job_id = $1 AND name_key = $2 AND state = 'open'
                RETURNING name, pages, state, skill_id)
            SELECT name, pages, state, skill_id FROM decided
            UNION ALL
            SELECT name, pages, state, skill_id FROM import_suggestion
             WHERE job_id = $1 AND name_key = $2 AND NOT EXISTS (SELECT 1 FROM decided)""";

    /** Locks the page if the runner still holds it; no row means the claim was lost. */
    static final String LOCK_CLAIMED = "SELECT id FROM import_page WHERE id = $1 AND claimed_by = $2 AND state = 'fetching' FOR UPDATE";

    /**
     * Adds the names the catalogue lacks, as names or aliases (ignoring case); returns a row per skill created.
     * The names go in a fixed order so that concurrent imports of overlapping pages lock them in the same
     * order (no deadlock). A name another writer adds meanwhile as an alias fails the statement on the
     * namespace's index; the page is then recorded again.
     */
    static final String INSERT_MISSING_SKILLS = """
            INSERT INTO skill (name, category, created_at, updated_at)
            SELECT n, $2, $3, $3 FROM unnest($1::text[]) AS n
             WHERE NOT EXISTS (SELECT 1 FROM skill_name WHERE name_key = lower(n COLLATE "und-x-icu") COLLATE "C")
             ORDER BY lower(n COLLATE "und-x-icu")
            ON CONFLICT DO NOTHING
            RETURNING id""";

    /** Each skill a page names (by name or alias) was used once more: locked in id order, then counted. */
    static final String COUNT_USES = """
            WITH used AS (
                SELECT id FROM skill
                 WHERE id IN (SELECT skill_id FROM skill_name WHERE name_key = ANY(ARRAY(SELECT lower(n COLLATE "und-x-icu") COLLATE "C" FROM unnest($1::text[]) AS n)))
                 ORDER BY id FOR UPDATE)
            UPDATE skill SET popularity = popularity + 1 FROM used WHERE skill.id = used.id""";

    /**
     * Unknown names a page suggests, kept on its job (the first spelling wins); a name already suggested counts
     * one more page, one the catalogue has meanwhile is left out, and a decided one stays decided.
     */
    static final String SUGGEST = """
            INSERT INTO import_suggestion (job_id, name_key, name)
            SELECT $1, k, n FROM unnest($2::text[], $3::text[]) AS s(k, n)
             WHERE NOT EXISTS (SELECT 1 FROM skill_name WHERE name_key = k)
             ORDER BY k
            ON CONFLICT (job_id, name_key) DO UPDATE SET pages = import_suggestion.pages + 1""";

    /** The validators address $1 was served with at $4, for its next import. */
    static final String REMEMBER_VALIDATORS = """
            INSERT INTO crawled_page (url, etag, last_modified, fetched_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at""";

    static final String FINISH_PAGE = """
            UPDATE import_page
               SET state = $2, http_status = $3, skills_found = $4, skills_created = $5, skills_present = $6, error = $7,
                   finished_at = $8, unchanged = $9, claimed_by = NULL, lease_until = NULL
             WHERE id = $1""";

    static final String RELEASE = """
            UPDATE import_page
               SET state = 'pending', claimed_by = NULL, lease_until = NULL, attempts = greatest(attempts - 1, 0)
             WHERE claimed_by = $1 AND state = 'fetching' AND id = ANY($2::bigint[])""";

    private ImportStatements() {
    }
}
