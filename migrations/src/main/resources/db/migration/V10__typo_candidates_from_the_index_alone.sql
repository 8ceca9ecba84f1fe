-- The typeahead's near misses that end like the text are read from the reversed key's index. Without the key
-- itself in that index, each of the up to 2,000 entries read cost a visit to the table: at a million skills
-- (three million names) one typo query read 16,000 pages and took about 100 ms. With the key included, the
-- index answers alone (an index-only scan, as the forward range already is): 5 ms.
DROP INDEX skill_name_reversed;
CREATE INDEX skill_name_reversed ON skill_name (reverse(name_key) COLLATE "C") INCLUDE (name_key);
