#!/usr/bin/env bash
# The typeahead at scale: GET /skills/suggest for the hardest kinds of text, on SUGGEST_ROWS skills
# (default 1,000,000) with two aliases each, then on 10,000 of them, with the same requests, side by side
# with today's q= listing. Prints requests/s, p50 and p99 per kind of text and the cost ratio of the large
# catalogue to the small one.
#
#   bench/suggest.sh                      # 1,000,000 skills; SUGGEST_ROWS=200000 for a quicker run
#
# Names are made of syllables (Latin, and Cyrillic for one in ten), so prefixes are as uneven as real
# ones: a single letter matches a tenth of all names, a rare syllable a handful. Popularity follows a
# power law. The catalogue is loaded in SQL with the namespace and its words filled in bulk (the
# same rows the triggers write). wrk runs 64 connections for 10 s per kind of text; everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap bench_cleanup EXIT
require_tools wrk psql curl python3

ROWS=${SUGGEST_ROWS:-1000000}
SMALL=10000
CONNECTIONS=${CONNECTIONS:-64}
DURATION=${DURATION:-10}
SERVICE_JVM_FLAGS=${SERVICE_JVM_FLAGS-}   # the defaults a user gets, unless told otherwise
export ACCESS_LOG=${ACCESS_LOG:-INFO}

build_service
fresh_database
service_start

seed() {  # count
    python3 - "$1" >"$bench_work/names.tsv" <<'PY'
import random, sys
count = int(sys.argv[1])
random.seed(20261201)
latin = ["ka", "to", "ra", "mi", "ne", "lo", "su", "pa", "ti", "ve", "do", "ri", "an", "el", "or", "un", "is", "ba", "co", "de",
         "fi", "ga", "ho", "ju", "ly", "ma", "no", "pe", "qu", "se", "ta", "vi", "wa", "xe", "yo", "ze", "bra", "cri", "dro", "fla",
         "gre", "pro", "str", "tra", "sch", "pho", "thy", "kub", "jav", "pyt", "rus", "sca", "net", "doc", "ter", "rea", "ang", "svel"]
cyrillic = ["ка", "то", "ра", "ми", "не", "ло", "су", "па", "ти", "ве", "до", "ри", "ан", "ел", "ор", "ун", "ис", "ба", "ко", "де"]
def word(syllables):
    return "".join(random.choice(syllables) for _ in range(random.randint(2, 4))).capitalize()
def name():
    syllables = cyrillic if random.random() < 0.1 else latin
    return " ".join(word(syllables) for _ in range(random.choice((1, 1, 1, 2, 2, 3))))
seen = set()
def fresh():
    while True:
        n = name()
        if n.lower() not in seen:
            seen.add(n.lower())
            return n
for i in range(count):
    popularity = int(1000 / (1 + random.paretovariate(1.2))) if random.random() < 0.3 else 0
    print(f"{fresh()}\t{fresh()}\t{fresh()}\t{popularity}")
PY
    "${PSQL[@]}" -d "$BENCH_DB" -v ON_ERROR_STOP=1 <<SQL
TRUNCATE skill, skill_name, skill_name_word, skill_merge RESTART IDENTITY CASCADE;
CREATE TEMP TABLE staged (name text, alias1 text, alias2 text, popularity bigint);
\copy staged FROM '$bench_work/names.tsv'
ALTER TABLE skill DISABLE TRIGGER skill_sync_names;
DROP INDEX IF EXISTS skill_name_popularity, skill_name_reversed;
INSERT INTO skill (name, aliases, popularity, created_at, updated_at)
SELECT name, ARRAY[alias1, alias2], popularity, now(), now() FROM staged;
ALTER TABLE skill_name DISABLE TRIGGER skill_name_words;
INSERT INTO skill_name (name_key, skill_id, name, is_alias, popularity)
SELECT lower(n.name COLLATE "und-x-icu"), s.id, n.name, n.position > 1, s.popularity
  FROM skill s, unnest(ARRAY[s.name::text] || s.aliases) WITH ORDINALITY AS n(name, position);
INSERT INTO skill_name_word (word_key, name_key)
SELECT DISTINCT part.word, n.name_key
  FROM skill_name n, regexp_split_to_table(n.name_key, '[\s/,;:()+_-]+|\.(?=\w)') WITH ORDINALITY AS part(word, position)
 WHERE part.position > 1 AND part.word <> '';
ALTER TABLE skill_name ENABLE TRIGGER skill_name_words;
ALTER TABLE skill ENABLE TRIGGER skill_sync_names;
CREATE INDEX skill_name_popularity ON skill_name (popularity DESC, name_key) INCLUDE (skill_id, name, is_alias);
CREATE INDEX skill_name_reversed ON skill_name (reverse(name_key) COLLATE "C") INCLUDE (name_key);
VACUUM ANALYZE skill;
VACUUM ANALYZE skill_name;
VACUUM ANALYZE skill_name_word;
SQL
}

echo "bench: loading $ROWS skills with two aliases each" >&2
seed "$ROWS"

# The texts, chosen on the large catalogue: the commonest prefixes of 1, 2 and 3 characters, prefixes with
# about 12,000 and about 700 names (the counts the obvious LIKE query was measured at), whole names, typos.
"${PSQL[@]}" -d "$BENCH_DB" -F $'\t' >"$bench_work/prefixes.tsv" <<'SQL'
WITH prefixes AS (
    SELECT left(name_key, len) AS prefix, len, count(*) AS names
      FROM skill_name, generate_series(1, 5) AS len
     WHERE length(name_key) >= len
     GROUP BY 1, 2)
SELECT 'one', prefix, names FROM (SELECT * FROM prefixes WHERE len = 1 ORDER BY names DESC LIMIT 10) p
UNION ALL SELECT 'two', prefix, names FROM (SELECT * FROM prefixes WHERE len = 2 ORDER BY names DESC LIMIT 10) p
UNION ALL SELECT 'three', prefix, names FROM (SELECT * FROM prefixes WHERE len = 3 ORDER BY names DESC LIMIT 20) p
UNION ALL SELECT 'mid12000', prefix, names FROM (SELECT * FROM prefixes ORDER BY abs(names - 12000) LIMIT 20) p
UNION ALL SELECT 'mid700', prefix, names FROM (SELECT * FROM prefixes ORDER BY abs(names - 700) LIMIT 20) p;
SQL
"${PSQL[@]}" -d "$BENCH_DB" -c "SELECT name FROM skill_name ORDER BY random() LIMIT 50" >"$bench_work/exact.txt"
"${PSQL[@]}" -d "$BENCH_DB" -c "SELECT name FROM skill WHERE length(name) >= 7 AND name !~ ' ' ORDER BY random() LIMIT 50" >"$bench_work/typo-source.txt"
python3 - "$bench_work" <<'PY'
import sys, urllib.parse
work = sys.argv[1]
kinds = {}
for line in open(f"{work}/prefixes.tsv", encoding="utf-8"):
    kind, prefix, names = line.rstrip("\n").split("\t")
    kinds.setdefault(kind, []).append(prefix)
kinds["exact"] = [line.strip() for line in open(f"{work}/exact.txt", encoding="utf-8") if line.strip()]
typos = []
for line in open(f"{work}/typo-source.txt", encoding="utf-8"):
    name = line.strip()
    if name:
        typos.append(name[:3] + name[4] + name[3] + name[5:])   # two neighbours swapped: one typo
kinds["typo"] = typos
for kind, texts in kinds.items():
    with open(f"{work}/suggest-{kind}.txt", "w") as out:
        for text in texts:
            out.write("/skills/suggest?limit=10&q=" + urllib.parse.quote(text) + "\n")
with open(f"{work}/listing-q.txt", "w") as out:
    for text in kinds["mid700"] + kinds["mid12000"]:
        out.write("/skills?limit=10&q=" + urllib.parse.quote(text) + "\n")
PY
KINDS="one two three mid12000 mid700 exact typo"

measure() {  # label
    for kind in $KINDS; do
        URLS="$bench_work/suggest-$kind.txt" wrk -t2 -c"$CONNECTIONS" -d3s -s bench/lua/urls.lua "$BENCH_URL" >/dev/null 2>&1 || true
        echo "$1 suggest-$kind $(URLS="$bench_work/suggest-$kind.txt" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s bench/lua/urls.lua "$BENCH_URL" | grep '^RESULT')"
    done
    URLS="$bench_work/listing-q.txt" wrk -t2 -c"$CONNECTIONS" -d3s -s bench/lua/urls.lua "$BENCH_URL" >/dev/null 2>&1 || true
    echo "$1 listing-q $(URLS="$bench_work/listing-q.txt" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s bench/lua/urls.lua "$BENCH_URL" | grep '^RESULT')"
}

measure large >"$bench_work/suggest.txt"
echo "bench: the same requests on $SMALL skills" >&2
seed "$SMALL"
measure small >>"$bench_work/suggest.txt"
rss_mb=$(service_rss_mb)

python3 - "$bench_work/suggest.txt" "$ROWS" "$SMALL" "$rss_mb" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    size, kind, _, *fields = line.split()
    rows[(size, kind)] = dict(field.split("=") for field in fields)
labels = {"suggest-one": "1 character (10 commonest)", "suggest-two": "2 characters (10 commonest)",
          "suggest-three": "3 characters (20 commonest)", "suggest-mid12000": "prefixes of ~12,000 names",
          "suggest-mid700": "prefixes of ~700 names", "suggest-exact": "whole names and aliases",
          "suggest-typo": "one typo (neighbours swapped)", "listing-q": "today's q= listing (same texts)"}
print(f"typeahead, {int(sys.argv[2]):,} skills with 2 aliases each vs {int(sys.argv[3]):,} ({sys.argv[4]} MB RSS after); 64 connections")
print(f"{'text':32} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} | {'req/s small':>11} {'p50 small':>9} {'p99 small':>9} | {'p50 ratio':>9}")
for kind, label in labels.items():
    large, small = rows[("large", kind)], rows[("small", kind)]
    rps = lambda r: int(r["requests"]) / float(r["seconds"])
    print(f"{label:32} {rps(large):8.0f} {float(large['p50_ms']):7.2f} {float(large['p99_ms']):7.2f} {large['errors']:>6} | "
          f"{rps(small):11.0f} {float(small['p50_ms']):9.2f} {float(small['p99_ms']):9.2f} | {float(large['p50_ms']) / float(small['p50_ms']):9.2f}")
PY
