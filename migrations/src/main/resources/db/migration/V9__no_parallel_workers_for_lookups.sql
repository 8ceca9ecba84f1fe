-- The catalogue's queries are index lookups and short index scans that answer in a millisecond or two. For the
-- larger tables PostgreSQL's planner may still plan parallel workers (the typeahead's prefix tiers at a million
-- names did), and starting them costs more than the query: a parallel plan served a third of the typeahead's
-- requests per second of a serial one at 16 clients (bench/suggest.sh; pgbench on 200,000 names: 898 against
-- 2,755 per second). These tables are never scanned in parallel.
ALTER TABLE skill SET (parallel_workers = 0);
ALTER TABLE skill_name SET (parallel_workers = 0);
ALTER TABLE skill_name_word SET (parallel_workers = 0);
