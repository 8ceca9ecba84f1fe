#!/usr/bin/env bash
# Cost as data grows: a cursor page deep in the table and a q= search, at the current size and after
# growing the table to $1 rows (default 1,000,000) in SQL. Run by bench/run.sh when ROWS is set, on its
# database of 10,000 seeded skills; needs lib.sh's state (sourced by run.sh).
set -euo pipefail
ROWS=${1:-1000000}

cursor_after() {  # the service's cursor for "after skill $1" in the default order (sort=id, asc, no filters)
    curl -sf "$BENCH_URL/skills/$1" | python3 -c '
import base64, json, struct, sys, zlib
from datetime import datetime
skill = json.load(sys.stdin)
created = datetime.fromisoformat(skill["createdAt"].replace("Z", "+00:00"))
seconds = int(created.timestamp()); nanos = created.microsecond * 1000
name = skill["name"].encode("utf-8")
filters = zlib.crc32(b"\x00")
raw = struct.pack(">bbbiqqiH", 2, 0, 0, filters - (1 << 32) if filters >= 1 << 31 else filters, skill["id"], seconds, nanos, len(name)) + name
raw += struct.pack(">q", skill["popularity"])
print(base64.urlsafe_b64encode(raw).decode().rstrip("="))'
}

measure() {  # label rows
    local rows=$2 deep
    deep=$("${PSQL[@]}" -d "$BENCH_DB" -c "SELECT id FROM skill ORDER BY id OFFSET $(( rows * 9 / 10 )) LIMIT 1")
    echo "/skills?limit=20&after=$(cursor_after "$deep")" >"$bench_work/cursor-url.txt"
    curl -sf -o /dev/null "$BENCH_URL$(cat "$bench_work/cursor-url.txt")" || { echo "bench: the deep cursor was refused" >&2; exit 1; }
    for term in otli ava ust ytho lixi aske cal loju wif ypeS ostg edi afk ocke ubern erra eac ngul velt; do
        echo "/skills?limit=20&q=$term"
    done >"$bench_work/search-urls.txt"
    for scenario in cursor-url search-urls; do
        URLS="$bench_work/$scenario.txt" wrk -t2 -c8 -d3s -s bench/lua/urls.lua "$BENCH_URL" >/dev/null
        echo "$1 $scenario $(URLS="$bench_work/$scenario.txt" wrk -t2 -c8 -d10s --timeout 5s -s bench/lua/urls.lua "$BENCH_URL" | grep '^RESULT')"
    done
}

# Back to the 10,000 seeded skills: the create scenario added many more.
"${PSQL[@]}" -d "$BENCH_DB" -c "DELETE FROM skill WHERE id > ${SKILLS:-10000}" -c "VACUUM ANALYZE skill" >/dev/null
service_start
small=$("${PSQL[@]}" -d "$BENCH_DB" -c "SELECT count(*) FROM skill")
measure small "$small" >"$bench_work/scale.txt"
echo "bench: growing the table to $ROWS rows in SQL" >&2
"${PSQL[@]}" -d "$BENCH_DB" <<SQL
INSERT INTO skill (name, category, description, created_at, updated_at)
SELECT (ARRAY['Kotlin','Java','Rust','Python','Go','Elixir','Haskell','Scala','Clojure','Swift','TypeScript','Postgres','Redis',
              'Kafka','Docker','Kubernetes','Terraform','React','Angular','Svelte'])[i % 20 + 1] || ' ' || lpad(i::text, 7, '0'),
       (ARRAY['Backend','Frontend','Data','Ops','Mobile'])[i % 5 + 1], 'Seeded skill number ' || i, now(), now()
  FROM generate_series((SELECT count(*) FROM skill), $ROWS - 1) AS i;
VACUUM ANALYZE skill;
SQL
measure large "$ROWS" >>"$bench_work/scale.txt"
service_stop

python3 - "$bench_work/scale.txt" "$small" "$ROWS" <<'PY'
import sys
rows = {}
for line in open(sys.argv[1]):
    size, scenario, _, *fields = line.split()
    rows[(size, scenario)] = dict(field.split("=") for field in fields)
print(f"\ncost as data grows: {int(sys.argv[2]):,} rows -> {int(sys.argv[3]):,} rows (8 connections, 10 s each)")
print(f"{'request':30} {'p50 small':>10} {'p50 large':>10} {'ratio':>6} {'req/s small':>12} {'req/s large':>12} {'errors':>7}")
for scenario, label in (("cursor-url", "cursor page at 90% depth"), ("search-urls", "q= search")):
    small, large = rows[("small", scenario)], rows[("large", scenario)]
    ratio = float(large["p50_ms"]) / float(small["p50_ms"])
    rps = lambda r: int(r["requests"]) / float(r["seconds"])
    print(f"{label:30} {float(small['p50_ms']):9.2f}ms {float(large['p50_ms']):9.2f}ms {ratio:6.2f} {rps(small):12.0f} {rps(large):12.0f} "
          f"{int(small['errors']) + int(large['errors']):7d}  (target ratio <= 1.5)")
PY
