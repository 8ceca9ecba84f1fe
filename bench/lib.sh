# Shared by the bench scripts: a fresh database, the built service started with the recommended JVM
# flags, seeding through the API, and measuring. Source it from the repository root; every loop is
# bounded and all traffic goes to 127.0.0.1.

BENCH_PORT=${BENCH_PORT:-18090}
BENCH_DB=${BENCH_DB:-skills_bench}
BENCH_URL="http://127.0.0.1:$BENCH_PORT"
# The JVM flags README recommends for a small instance (2 cores, a few hundred MB).
SERVICE_JVM_FLAGS=${SERVICE_JVM_FLAGS:-"-XX:+UseSerialGC -Xms48m -Xmx128m -XX:MaxHeapFreeRatio=30 -XX:MinHeapFreeRatio=10 -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -Xss512k -XX:MaxDirectMemorySize=64m -Dio.netty.allocator.numDirectArenas=2 -Dio.netty.allocator.numHeapArenas=2 -Dio.netty.allocator.maxOrder=8 -XX:SharedArchiveFile=api/target/skills-api.jsa -Xshare:auto"}
export PGOPTIONS="-c client_min_messages=warning"
PSQL=(psql -h "${DB_HOST:-127.0.0.1}" -p "${DB_PORT:-5432}" -U "${DB_USER:-postgres}" -qtA)

bench_work=$(mktemp -d)
service_pid=

bench_cleanup() {
    service_stop
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true
    [ -n "${BENCH_KEEP:-}" ] && echo "bench: kept $bench_work" >&2 || rm -rf "$bench_work"
}

require_tools() {
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "bench: needs $tool (Debian: apt-get install $tool)" >&2; exit 1; }
    done
}

build_service() {
    [ -f api/target/skills-api.jar ] || ./mvnw -q package -DskipTests
    # Class Data Sharing: one archive of the classes start-up loads, made once per build.
    if [ ! -f api/target/skills-api.jsa ] || [ api/target/skills-api.jar -nt api/target/skills-api.jsa ]; then
        echo "bench: writing the class-data archive api/target/skills-api.jsa (once per build)" >&2
        fresh_database
        service_env java -XX:ArchiveClassesAtExit=api/target/skills-api.jsa -jar api/target/skills-api.jar >"$bench_work/cds.log" 2>&1 &
        local pid=$!
        wait_ready 60 >/dev/null
        curl -s "$BENCH_URL/skills?limit=5" >/dev/null
        kill -TERM "$pid"; wait "$pid" 2>/dev/null || true
    fi
}

fresh_database() {
    "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" >/dev/null
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE $BENCH_DB" >/dev/null
}

# Runs its arguments with the service's settings; used in the background, where exec makes $! the JVM's pid.
service_env() {
    exec env AUTH_ENABLED=false PORT=$BENCH_PORT DB_NAME=$BENCH_DB DB_POOL_INITIAL_SIZE=${DB_POOL_INITIAL_SIZE:-4} \
        DB_POOL_MAX_SIZE=${DB_POOL_MAX_SIZE:-8} IMPORT_RUNNER_ENABLED=false LOGGER_LEVELS_SKILLS_ACCESS=${ACCESS_LOG:-OFF} "$@"
}

# Starts the service in the background; sets startup_ms to the milliseconds from launch to the first answered request.
service_start() {
    local started
    started=$(date +%s%N)
    # shellcheck disable=SC2086
    service_env java $SERVICE_JVM_FLAGS ${SERVICE_EXTRA_FLAGS:-} -jar api/target/skills-api.jar >"$bench_work/service.log" 2>&1 &
    service_pid=$!
    wait_ready 60 >/dev/null || { echo "bench: the service did not start:" >&2; cat "$bench_work/service.log" >&2; exit 1; }
    startup_ms=$(( ($(date +%s%N) - started) / 1000000 ))
}

wait_ready() {
    local limit=$(( $1 * 100 ))
    for _ in $(seq 1 "$limit"); do
        curl -sf -o /dev/null "$BENCH_URL/skills?limit=1" 2>/dev/null && return 0
        sleep 0.01
    done
    return 1
}

service_stop() {
    if [ -n "${service_pid:-}" ] && kill -0 "$service_pid" 2>/dev/null; then
        kill -TERM "$service_pid"
        wait "$service_pid" 2>/dev/null || true
    fi
    service_pid=
}

service_rss_mb() {
    echo $(( $(ps -o rss= -p "$service_pid") / 1024 ))
}

# Creates $1 skills through POST /skills/batch, 1000 at a time. Names: "<technology> <n>", so that q= finds ~1%.
seed_skills() {
    python3 - "$1" "$BENCH_URL" <<'PY'
import json, sys, urllib.request
count, url = int(sys.argv[1]), sys.argv[2]
tech = ["Kotlin", "Java", "Rust", "Python", "Go", "Elixir", "Haskell", "Scala", "Clojure", "Swift", "TypeScript", "Postgres",
        "Redis", "Kafka", "Docker", "Kubernetes", "Terraform", "React", "Angular", "Svelte"]
categories = ["Backend", "Frontend", "Data", "Ops", "Mobile"]
for start in range(0, count, 1000):
    batch = [{"name": f"{tech[i % len(tech)]} {i:07d}", "category": categories[i % len(categories)],
              "description": f"Seeded skill number {i}"} for i in range(start, min(count, start + 1000))]
    request = urllib.request.Request(url + "/skills/batch", data=json.dumps({"skills": batch}).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 201, response.status
PY
    # Fresh statistics, as autovacuum would gather within a minute of such a load.
    "${PSQL[@]}" -d "$BENCH_DB" -c "ANALYZE skill" >/dev/null
}

# PgBouncer in transaction mode on 127.0.0.1:PGBOUNCER_PORT in front of the bench's PostgreSQL, as README's
# Scaling out describes it (Debian's pgbouncer; run as the postgres user when the bench runs as root).
PGBOUNCER_PORT=${PGBOUNCER_PORT:-16432}
pgbouncer_pid=

pgbouncer_dir=

pgbouncer_start() {
    require_tools pgbouncer
    # A directory of its own, which the postgres user (PgBouncer refuses to run as root) can read and write.
    pgbouncer_dir=$(mktemp -d /tmp/skills-bench-pgbouncer.XXXXXX)
    local dir=$pgbouncer_dir
    chmod 777 "$dir"
    printf '"%s" "%s"\n' "${DB_USER:-postgres}" "${DB_PASS:-}" >"$dir/users.txt"
    cat >"$dir/pgbouncer.ini" <<INI
[databases]
* = host=${DB_HOST:-127.0.0.1} port=${DB_PORT:-5432}
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
max_client_conn = 1000
default_pool_size = ${PGBOUNCER_POOL_SIZE:-20}
ignore_startup_parameters = extra_float_digits,search_path
query_wait_timeout = 2
server_login_retry = 1
logfile = $dir/pgbouncer.log
INI
    chmod 644 "$dir"/*
    local as=()
    [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
    "${as[@]}" pgbouncer -q "$dir/pgbouncer.ini" &
    pgbouncer_pid=$!
    for _ in $(seq 1 100); do
        (exec 3<>/dev/tcp/127.0.0.1/"$PGBOUNCER_PORT") 2>/dev/null && return 0
        sleep 0.05
    done
    echo "bench: PgBouncer did not start:" >&2; cat "$dir/pgbouncer.log" >&2; exit 1
}

pgbouncer_stop() {
    if [ -n "${pgbouncer_pid:-}" ]; then
        pkill -TERM -P "$pgbouncer_pid" 2>/dev/null || true
        kill -TERM "$pgbouncer_pid" 2>/dev/null || true
        wait "$pgbouncer_pid" 2>/dev/null || true
    fi
    pgbouncer_pid=
    [ -n "${pgbouncer_dir:-}" ] && rm -rf "$pgbouncer_dir"
    pgbouncer_dir=
}
