#!/usr/bin/env bash
# Side by side, in one run on this machine: our service as a user starts it (README's command, the
# api/target/skills-api launcher: auth on with a secret, access log on, no flags of the user's) against the peer in ../shared/peers/spring-mvc-vt (Spring MVC,
# virtual threads, JDBC), one service at a time, each on a fresh database of the same PostgreSQL, seeded
# with the same 10,000 skills through its own POST /skills. Then the same wrk scenarios (64 connections,
# 5 s warm-up, 15 s measured): GET by id, a list page at a random offset, create. Prints one table per run
# with each contestant's requests/s, p50, p99, errors and RSS after the load, and its ratio to the peer;
# with RUNS > 1, the spread of the ratios over the runs.
#
#   bench/compare.sh                                   # ours (defaults) and the peer, once
#   RUNS=3 bench/compare.sh
#   CONTESTANTS="ours ours-tuned peer" bench/compare.sh
#   OURS_JAR=/tmp/old/skills-api.jar CONTESTANTS="ours peer" bench/compare.sh   # another build of ours
#
#   CONTESTANTS="ours ours-pooling ours-pgbouncer" BASELINE=ours bench/compare.sh
#
# Contestants: ours (README's command: the launcher), ours-jar (a bare `java -jar` on the `java` of the PATH,
# without the launcher's settings), ours-jdk25 (the same on Temurin 25, when installed), ours-tuned (bench/run.sh's JVM flags, access log off, auth on), ours-before (BEFORE_JAR, another
# build, with the defaults), ours-pooling (ours with DB_TRANSACTION_POOLING=true, straight to PostgreSQL),
# ours-pgbouncer (the same through PgBouncer in transaction mode, started here on 127.0.0.1), peer. Ratios
# are to BASELINE (default: the peer). Traffic stays
# on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
trap compare_cleanup EXIT
require_tools wrk psql curl python3 openssl

RUNS=${RUNS:-1}
CONTESTANTS=${CONTESTANTS:-"ours peer"}
BASELINE=${BASELINE:-peer}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
OURS_JAR=${OURS_JAR:-api/target/skills-api.jar}
PEER_DIR=${PEER_DIR:-../shared/peers/spring-mvc-vt}
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
SKILLS=10000
export SKILLS THREADS
JWT_SECRET=$(openssl rand -hex 32)
RESULTS="$bench_work/results.txt"
: >"$RESULTS"
contestant_pid=

compare_cleanup() {
    stop_contestant
    pgbouncer_stop
    bench_cleanup
}

stop_contestant() {
    if [ -n "${contestant_pid:-}" ] && kill -0 "$contestant_pid" 2>/dev/null; then
        kill -TERM "$contestant_pid"
        wait "$contestant_pid" 2>/dev/null || true
    fi
    contestant_pid=
}

[ -f "$OURS_JAR" ] || ./mvnw -q package -DskipTests

# Starts a contestant in the background on BENCH_PORT and the fresh BENCH_DB; sets contestant_pid and TOKEN.
start_contestant() {
    local name=$1 log="$bench_work/$1.log"
    TOKEN=
    case "$name" in
        ours|ours-jar|ours-jdk25|ours-tuned|ours-before|ours-pooling|ours-pgbouncer)
            local java=java flags="" jar=$OURS_JAR database=() launcher=""
            # README's command: the launcher next to the jar (its JDK choice and jvm.options); ours-jar is a bare `java -jar`.
            case "$name" in ours|ours-pooling|ours-pgbouncer) launcher="$(dirname "$jar")/skills-api" ;; esac
            case "$name" in
                ours-pooling) database=(DB_TRANSACTION_POOLING=true DB_MIGRATE_ON_START=false) ;;
                ours-pgbouncer) database=(DB_PORT="$PGBOUNCER_PORT" DB_TRANSACTION_POOLING=true DB_MIGRATE_ON_START=false) ;;
            esac
            if [ ${#database[@]} -gt 0 ]; then
                # Migrations go straight to PostgreSQL, as README's Scaling out says.
                env DB_NAME=$BENCH_DB java -jar "$jar" migrate >"$log.migrate" 2>&1
                [ "$name" = ours-pgbouncer ] && pgbouncer_start
            fi
            [ "$name" = ours-before ] && jar=${BEFORE_JAR:?set BEFORE_JAR to the jar to compare with}
            [ "$name" = ours-jdk25 ] && java="$JDK25/bin/java"
            [ "$name" = ours-tuned ] && flags="$SERVICE_JVM_FLAGS"
            # shellcheck disable=SC2086
            env PORT=$BENCH_PORT DB_NAME=$BENCH_DB JWT_SECRET=$JWT_SECRET IMPORT_RUNNER_ENABLED=false "${database[@]}" \
                $( [ "$name" = ours-tuned ] && echo LOGGER_LEVELS_SKILLS_ACCESS=OFF ) \
                $( [ -n "$launcher" ] && echo "$launcher" || echo "$java ${flags//-XX:SharedArchiveFile=api\/target\/skills-api.jsa -Xshare:auto/} -jar $jar" ) >"$log" 2>&1 &
            contestant_pid=$!
            TOKEN=$(JWT_SECRET=$JWT_SECRET java -jar "$jar" token skills:write 120)
            ;;
        peer)
            (cd "$PEER_DIR" && { [ -f target/spring-mvc-vt-peer.jar ] || JAVA_HOME=$JDK25 mvn -q -DskipTests package; })
            env PORT=$BENCH_PORT DB_NAME=$BENCH_DB DB_PASS="${DB_PASS:-}" bash "$PEER_DIR/run.sh" >"$log" 2>&1 &
            contestant_pid=$!
            ;;
        *) echo "bench: unknown contestant $name" >&2; exit 2 ;;
    esac
    export TOKEN
    for _ in $(seq 1 600); do
        curl -sf -o /dev/null "$BENCH_URL/skills/1" 2>/dev/null && return 0
        [ "$(curl -s -o /dev/null -w '%{http_code}' "$BENCH_URL/skills/1" 2>/dev/null)" = 404 ] && return 0
        kill -0 "$contestant_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "bench: $name did not start:" >&2; tail -20 "$log" >&2; exit 1
}

# Seeds SKILLS skills through the contestant's own POST /skills, 16 at a time.
seed_through_post() {
    python3 - "$SKILLS" "$BENCH_URL" "${TOKEN:-}" <<'PY'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
count, url, token = int(sys.argv[1]), sys.argv[2], sys.argv[3]
tech = ["Kotlin", "Java", "Rust", "Python", "Go", "Elixir", "Haskell", "Scala", "Clojure", "Swift"]
def create(i):
    body = json.dumps({"name": f"{tech[i % len(tech)]} {i:07d}", "category": "Backend", "description": f"Seeded skill number {i}"})
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    with urllib.request.urlopen(urllib.request.Request(url + "/skills", data=body.encode(), headers=headers, method="POST"), timeout=30) as r:
        assert r.status == 201, r.status
with ThreadPoolExecutor(16) as pool:
    list(pool.map(create, range(count)))
PY
    "${PSQL[@]}" -d "$BENCH_DB" -c "ANALYZE skill" >/dev/null
}

measure() {  # run contestant scenario script
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "bench/lua/$4.lua" "$BENCH_URL" >/dev/null 2>&1 || true
    local result
    result=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "bench/lua/$4.lua" "$BENCH_URL" | grep '^RESULT')
    echo "$1|$2|$3|$result" >>"$RESULTS"
}

for run in $(seq 1 "$RUNS"); do
    for name in $CONTESTANTS; do
        fresh_database
        start_contestant "$name"
        seed_through_post
        measure "$run" "$name" "GET by id" get-by-id
        measure "$run" "$name" "list (offset)" list-offset
        measure "$run" "$name" "create" create
        echo "$run|$name|rss|$(( $(ps -o rss= -p "$contestant_pid") / 1024 ))" >>"$RESULTS"
        stop_contestant
        pgbouncer_stop
    done
done

python3 - "$RESULTS" "$BASELINE" <<'PY'
import sys, collections
baseline = sys.argv[2]
rows = collections.defaultdict(dict)   # (run, contestant) -> scenario -> (rps, p50, p99, errors)
rss = {}
for line in open(sys.argv[1]):
    run, name, scenario, result = line.rstrip("\n").split("|", 3)
    if scenario == "rss":
        rss[(run, name)] = result
        continue
    fields = dict(item.split("=") for item in result.split()[1:])
    rows[(run, name)][scenario] = (int(fields["requests"]) / float(fields["seconds"]), float(fields["p50_ms"]),
                                   float(fields["p99_ms"]), int(fields["errors"]))
scenarios = ["GET by id", "list (offset)", "create"]
runs = sorted({run for run, _ in rows}, key=int)
names = list(dict.fromkeys(name for _, name in rows))
ratios = collections.defaultdict(list)
for run in runs:
    print(f"run {run}: requests/s (p50 ms / p99 ms, errors), ratio to {baseline}")
    print(f"{'':22}" + "".join(f"{s:>34}" for s in scenarios) + f"{'RSS MB':>9}")
    for name in names:
        cells = []
        for s in scenarios:
            rps, p50, p99, errors = rows[(run, name)][s]
            ratio = ""
            if (baseline in names) and name != baseline:
                r = rps / rows[(run, baseline)][s][0]
                ratios[(name, s)].append(r)
                ratio = f" x{r:.2f}"
            cells.append(f"{rps:7.0f} ({p50:5.1f}/{p99:6.1f}, {errors}){ratio}")
        print(f"{name:22}" + "".join(f"{c:>34}" for c in cells) + f"{rss.get((run, name), '?'):>9}")
    print()
if len(runs) > 1 and ratios:
    print(f"ratio to {baseline} over the runs: min / median / max")
    for (name, s), values in ratios.items():
        values = sorted(values)
        print(f"  {name:22} {s:14} {values[0]:.2f} / {values[len(values) // 2]:.2f} / {values[-1]:.2f}")
PY
