#!/usr/bin/env bash
# The benchmark: one command, on this machine, printing one table.
#
#   bench/run.sh                 # 10,000 skills
#   ROWS=1000000 bench/run.sh    # also seeds a million more in SQL and compares deep cursor pages and q= at that size
#
# It creates a fresh database, starts the built service (api/target/skills-api.jar, built if missing)
# with the JVM flags README recommends, measures start-up to the first answered request (migrations
# already applied), seeds 10,000 skills through the API, then drives each scenario with wrk at 64
# connections for 15 s after a 5 s warm-up, and measures the database's own ceiling for the same read
# with pgbench (prepared, 64 clients, 2 threads, SELECT ... WHERE id = random). Everything runs on
# 127.0.0.1, and every run is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap bench_cleanup EXIT
require_tools wrk pgbench psql curl python3

SKILLS=10000
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
export SKILLS THREADS

build_service
fresh_database
service_start          # the first start applies the migrations
service_stop
service_start          # the measured start: schema already up to date
seed_skills "$SKILLS"

# Cursor links: walk the whole listing once, keeping every page's next link.
CURSORS="$bench_work/cursors.txt"
export CURSORS
python3 - "$BENCH_URL" "$CURSORS" <<'PY'
import sys, urllib.request
base, out = sys.argv[1], sys.argv[2]
path, links = "/skills?limit=20", []
for _ in range(10000):
    with urllib.request.urlopen(base + path, timeout=30) as response:
        link = response.headers.get("Link")
    if not link:
        break
    path = link[1:link.index(">")]
    links.append(path)
open(out, "w").write("\n".join(links) + "\n")
PY

declare -A results
VERSIONS="$bench_work/versions.txt"
export VERSIONS
run_wrk() {  # name script
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "bench/lua/$2.lua" "$BENCH_URL" >/dev/null 2>&1 || true
    "${PSQL[@]}" -d "$BENCH_DB" -F ' ' -c "SELECT id, version FROM skill WHERE id <= $SKILLS" >"$VERSIONS"
    results[$1]=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "bench/lua/$2.lua" "$BENCH_URL" | grep '^RESULT')
}
run_wrk "GET by id" get-by-id
run_wrk "list (offset)" list-offset
export URLS=$CURSORS
run_wrk "list (cursor)" urls
run_wrk "search q=" search
run_wrk "create" create
run_wrk "update (If-Match)" update
rss_mb=$(service_rss_mb)

# The database's own ceiling for the same read.
cat >"$bench_work/select.sql" <<SQL
\set id random(1, $SKILLS)
SELECT id, name, category, description, created_at, updated_at, version FROM skill WHERE id = :id;
SQL
pgbench_args=(-h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -f "$bench_work/select.sql")
service_stop   # pgbench gets the machine to itself, as the service had it (minus the database's share)
pgbench "${pgbench_args[@]}" -T "$WARMUP" "$BENCH_DB" >/dev/null 2>&1
pgbench_tps=$(pgbench "${pgbench_args[@]}" -T "$DURATION" "$BENCH_DB" 2>/dev/null | awk '/^tps = / {print $3; exit}')

{
    for name in "GET by id" "list (offset)" "list (cursor)" "search q=" "create" "update (If-Match)"; do
        echo "$name|${results[$name]}"
    done
} | python3 -c '
import sys
pg = float(sys.argv[1]); startup = sys.argv[2]; rss = sys.argv[3]
targets = {"GET by id": 25, "list (offset)": 5, "create": 12}
print(f"{'"'"'scenario'"'"':20} {'"'"'req/s'"'"':>9} {'"'"'p50 ms'"'"':>8} {'"'"'p99 ms'"'"':>8} {'"'"'errors'"'"':>7} {'"'"'% of pgbench'"'"':>13}")
for line in sys.stdin:
    name, result = line.rstrip("\n").split("|", 1)
    fields = dict(item.split("=") for item in result.split()[1:])
    rps = int(fields["requests"]) / float(fields["seconds"])
    share = 100 * rps / pg
    target = f" (target {targets[name]}%)" if name in targets else ""
    print(f"{name:20} {rps:9.0f} {float(fields['"'"'p50_ms'"'"']):8.2f} {float(fields['"'"'p99_ms'"'"']):8.2f} {fields['"'"'errors'"'"']:>7} {share:12.1f}%{target}")
print(f"{'"'"'pgbench select-by-id'"'"':20} {pg:9.0f}")
print(f"start-up to first answered request: {startup} ms; RSS after the run: {rss} MB")
' "$pgbench_tps" "$startup_ms" "$rss_mb"

if [ -n "${ROWS:-}" ]; then
    source bench/scale.sh "$ROWS"
fi
